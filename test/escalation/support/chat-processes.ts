import { afterEach } from 'vitest';
import { startJsonChat, type JsonChat } from './json-chat-process.ts';
import { startSmtpRecorder, type SmtpRecorder } from './smtp-recorder.ts';

/** Starts `chat --json` processes and SMTP recorders for a test file and stops them after each test. */
export interface ChatProcesses {
  /** A running `chat --json` (see startJsonChat). */
  chat(env: Record<string, string>, args?: string[], wrapper?: string[]): JsonChat;
  /** A running SMTP recorder. */
  smtp(): Promise<SmtpRecorder>;
}

/** Registers the clean-up (chats killed, recorders closed) with vitest's afterEach; call at the top level of a test file. */
export function useChatProcesses(): ChatProcesses {
  const chats: JsonChat[] = [];
  const recorders: SmtpRecorder[] = [];
  afterEach(async () => {
    for (const chat of chats.splice(0)) {
      chat.child.kill('SIGKILL');
      await chat.close();
    }
    for (const recorder of recorders.splice(0)) await recorder.close();
  });
  return {
    chat(env, args, wrapper) {
      const chat = startJsonChat(env, args, wrapper);
      chats.push(chat);
      return chat;
    },
    async smtp() {
      const recorder = await startSmtpRecorder();
      recorders.push(recorder);
      return recorder;
    },
  };
}
