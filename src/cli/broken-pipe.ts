/**
 * Makes the process exit quietly, with the exit code set so far, once whoever reads `stream` has gone
 * (`some-advisor doctor | head -3`): a write to a closed pipe (EPIPE) means nobody reads on, not a crash.
 */
export function exitQuietlyOnBrokenPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit();
  });
}
