/** Thrown when the server cannot listen on HOST:PORT; the message names the variable to change and how. */
export class ListenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ListenError';
  }
}

/** Socket errors that `getaddrinfo` gives for a HOST it cannot resolve. */
const UNRESOLVED = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);

/**
 * The ListenError for a `listen` failure whose cause lies in HOST or PORT (in use, privileged, not this machine's
 * address, not resolvable), or undefined for any other error (it is reported as it is).
 */
export function listenError(error: unknown, host: string, port: number): ListenError | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const anyAddress = 'set HOST to an address of this machine: 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)';
  switch (code) {
    case 'EADDRINUSE':
      return new ListenError(`Cannot listen: PORT ${port} is already in use on ${host} (HOST); stop the program that listens there, or set PORT to a free port.`);
    case 'EACCES':
      return new ListenError(`Cannot listen: PORT ${port} needs privileges on this system; set PORT to 1024 or above (a reverse proxy can forward port 80 or 443 to it).`);
    case 'EADDRNOTAVAIL':
      return new ListenError(`Cannot listen: HOST ${host} is not an address of this machine; ${anyAddress}.`);
    default:
      return code !== undefined && UNRESOLVED.has(code)
        ? new ListenError(`Cannot listen: HOST ${host} could not be resolved to an address (${code}); ${anyAddress}, or a name that resolves to one.`)
        : undefined;
  }
}
