import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ChatProcess, replyText, type ChatReply } from '../store/support/chat-process.ts';

/** The shipped knowledge (the conversation behaviour is checked on the real entries and guides). */
const KNOWLEDGE = fileURLToPath(new URL('../../knowledge/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'conversation-trial-'));
const env = { KNOWLEDGE_DIR: KNOWLEDGE, SQLITE_PATH: join(dir, 'state.db'), DATABASE_URL: '', ANALYTICS_SECRET: '' };

/** Runs `chat --json` for one new conversation, hands it to `talk`, and ends it. */
async function conversation(id: string, talk: (chat: ChatProcess) => Promise<void>, lang: 'da' | 'en' = 'da'): Promise<void> {
  const chat = new ChatProcess(id, env, lang);
  try {
    await talk(chat);
  } finally {
    await chat.crash();
  }
}

function headings(reply: ChatReply): string[] {
  return reply.messages.flatMap((m) => m.blocks.flatMap((b) => (b.type === 'heading' ? [b.text] : [])));
}

function choiceLabels(reply: ChatReply): string[] {
  return reply.messages.flatMap((m) => m.blocks.flatMap((b) => (b.type === 'choices' ? b.choices.map((c) => c.label) : [])));
}

/** The conversation over chat --json, on what a blind trial in the terminal found. */
describe('the conversation over chat --json, as the terminal trial found it', () => {
  it('reads a message with a CPR or phone number without the placeholders, and still shows and keeps it redacted', async () => {
    await conversation('trial-redacted', async (chat) => {
      const lender = await chat.send('skal jeg skrive til låneren 010203-1234 på 41 22 33 44 og fortælle det?');
      expect(replyText(lender)).toContain('Din besked ser ud til at indeholde personoplysninger');
      expect(headings(lender)).not.toContain('GDPR og dataansvar for kommunens side');
      expect(JSON.stringify(lender)).not.toMatch(/010203|41 22 33 44/);
      // in the comments it is ours to answer (about the fines alone it goes to the citizen service)
      const fines = await chat.send('laaner 010203-1234 tlf 41223344 vil klage over bodes i kommentarerne');
      expect(headings(fines)).not.toContain('GDPR og dataansvar for kommunens side');
      // "Mente du …?" quotes the message as it was kept
      expect(replyText(fines)).toContain('laaner \\[CPR\\-nummer fjernet\\] tlf \\[telefonnummer fjernet\\]');
      // small talk is read without the placeholder too
      const thanks = await chat.send('tak 41 22 33 44');
      expect(replyText(thanks)).toContain('Selv tak!');
    });
  });

  it('opens the consultant form for a request put in a sentence, and still answers questions about consultants', async () => {
    const hasForm = (reply: ChatReply) => reply.messages.some((m) => m.blocks.some((b) => b.type === 'form'));
    await conversation('trial-consultant', async (chat) => {
      for (const request of ['kan jeg tale med en konsulent, det her er for meget', 'kan en konsulent ringe mig paa 41 22 33 44?', 'snakke med et menneske', 'kan vi faa fat i en konsulent i dag']) {
        const reply = await chat.send(request);
        expect(hasForm(reply), request).toBe(true);
        expect(headings(reply), request).not.toContain('Kontakt en konsulent');
        await chat.send('annuller');
      }
      // four words between what KL's consulting is and the contact form (their scores within 0.01 of each other, so
      // either may come first): asked back, both offered first
      const price = await chat.send('hvad koster en konsulent');
      expect(hasForm(price)).toBe(false);
      expect(replyText(price)).toContain('Mente du');
      expect(choiceLabels(price).slice(0, 2).sort()).toEqual(['Hvad kan KL Kommunikation hjælpe med?', 'Kontakt en konsulent']);
      const klPrice = await chat.send("hvad koster KL's konsulenter");
      expect(hasForm(klPrice)).toBe(false);
      expect(headings(klPrice)).toEqual(['Hvad kan KL Kommunikation hjælpe med?']);
      const work = await chat.send("hvad laver KL's konsulenter");
      expect(hasForm(work)).toBe(false);
      expect(headings(work)).toEqual(['Hvad kan KL Kommunikation hjælpe med?']);
    });
  });

  it('reads an English follow-up that an out-of-scope area would take with the answer before it', async () => {
    await conversation('trial-follow-up', async (chat) => {
      const election = await chat.send("can the mayor post about the election campaign on the municipality's facebook page?");
      expect(headings(election)).toEqual(['Politisk neutralitet, valg, politikere og reklame for private']);
      const deputy = await chat.send("what about the deputy mayor, she's running too");
      expect(headings(deputy)).toEqual(['Politisk neutralitet, valg, politikere og reklame for private']);
      expect(replyText(deputy)).not.toContain('I cannot answer factual questions about the council');
    }, 'en');
  });

  it('shows the step again, not the menu or guesses, when an answer typed at a button step is not understood', async () => {
    const choiceIds = (reply: ChatReply) => reply.messages.flatMap((m) => m.blocks.flatMap((b) => (b.type === 'choices' ? b.choices.map((c) => c.id) : [])));
    await conversation('trial-unclear-da', async (chat) => {
      const step = await chat.send({ flow: 'platform-choice' });
      const unclear = await chat.send('ved ikke');
      expect(replyText(unclear)).toContain('Jeg forstod ikke svaret. Vælg et af svarene herunder, eller skriv dit spørgsmål.');
      expect(replyText(unclear)).not.toContain('Det har jeg desværre ikke et godt svar på');
      expect(choiceIds(unclear)).toEqual(choiceIds(step));
      expect(unclear.flow).toEqual(step.flow);
      // an answer that says the user does not know, also with a question mark, or one the search only guesses at
      for (const typed of ['ved ikke helt.. unge mennesker?', 'på min egen telefon', 'nul kroner haha']) {
        const again = await chat.send(typed);
        expect(replyText(again), typed).toContain('Jeg forstod ikke svaret.');
        expect(choiceIds(again), typed).toEqual(choiceIds(step));
      }
      // an out-of-scope question put as one still gets the pointer to where it is answered
      expect(replyText(await chat.send('hvornår bliver der hentet storskrald på Møllevej?'))).toContain('kommunens drift og faciliteter');
      // a question the search can answer is still answered, and the guide waits
      expect(replyText(await chat.send('skal vi være på tiktok'))).toContain('TikTok');
    });
    await conversation('trial-unclear-en', async (chat) => {
      const step = await chat.send({ flow: 'platform-choice' });
      const unclear = await chat.send('hmm dunno');
      expect(replyText(unclear)).toContain('I did not understand that answer. Choose one of the answers below, or type your question.');
      expect(choiceIds(unclear)).toEqual(choiceIds(step));
    }, 'en');
  });

  it('an answer after a "Mente du" in between is not "the same answer as just before"', async () => {
    await conversation('trial-same-after-suggest', async (chat) => {
      const first = await chat.send('må vi blokere en borger');
      expect(headings(first)).toContain('Må vi blokere brugere?');
      const unsure = await chat.send('hvordan måler vi om det virker');
      expect(replyText(unsure)).toContain('Mente du');
      const again = await chat.send('må vi blokere en borger');
      expect(JSON.stringify(again)).not.toContain('det samme svar');
      expect(replyText(again)).toBe(replyText(first));
    });
  });

  it('an answer opened by a button in the middle of a guide (a "Mente du" pick, a related entry) ends with the way back to the guide', async () => {
    await conversation('trial-button-answer-mid-guide', async (chat) => {
      const guide = await chat.send({ flow: 'strategy' });
      expect(guide.flow?.id).toBe('strategy');
      const answer = await chat.send({ action: 'faq:blokering' });
      expect(headings(answer)).toContain('Må vi blokere brugere?');
      expect(replyText(answer)).toContain('Du er midt i guiden');
      expect(answer.messages.flatMap((m) => m.blocks.flatMap((b) => (b.type === 'choices' ? b.choices.map((c) => c.id) : [])))).toContain('cmd:continue:strategy');
      expect(answer.flow).toEqual(guide.flow);
    });
  });

  it('an old "Fortsæt guiden" button of a guide since stopped does not go on with another guide', async () => {
    await conversation('trial-old-continue', async (chat) => {
      await chat.send({ flow: 'crisis' });
      const menu = await chat.send('menu');
      const oldContinue = menu.messages.flatMap((m) => m.blocks.flatMap((b) => (b.type === 'choices' ? b.choices : []))).find((c) => c.id.startsWith('cmd:continue'));
      expect(oldContinue?.id).toBe('cmd:continue:crisis');
      await chat.send('stop');
      const platform = await chat.send({ flow: 'platform-choice' });
      const pressed = await chat.send({ action: oldContinue?.id ?? '' });
      expect(replyText(pressed)).toContain('Det valg er ikke længere aktivt.');
      expect(pressed.flow).toEqual(platform.flow);
    });
  });

  it('a consultant request is prefilled from what came last, not from a guide long left (the Teams trial got an old platform result)', async () => {
    await conversation('trial-prefill', async (chat) => {
      const topicOf = (reply: ChatReply) => {
        const form = reply.messages.flatMap((m) => m.blocks).find((b) => b.type === 'form');
        return form?.type === 'form' ? form.form.fields.find((f) => f.id === 'topic')?.value : undefined;
      };
      const urgencyOf = (reply: ChatReply) => {
        const form = reply.messages.flatMap((m) => m.blocks).find((b) => b.type === 'form');
        return form?.type === 'form' ? form.form.fields.find((f) => f.id === 'urgency')?.value : undefined;
      };
      const guide = await chat.send({ flow: 'critical-citizen' });
      const danger = guide.messages.flatMap((m) => m.blocks.flatMap((b) => (b.type === 'choices' ? b.choices : []))).find((c) => c.label.startsWith('Fare'));
      await chat.send({ action: danger?.id ?? '' });
      const atOutcome = await chat.send('tal med en konsulent');
      expect(topicOf(atOutcome)).toContain('Ring 112 nu');
      expect(urgencyOf(atOutcome)).toBe('urgent');
      await chat.send('annuller');
      // a side question after it: its topic, still urgent
      await chat.send('må vi blokere en borger');
      const after = await chat.send('tal med en konsulent');
      expect(topicOf(after)).toBe('Må vi blokere brugere?');
      expect(urgencyOf(after)).toBe('urgent');
      await chat.send('annuller');
      // another guide started: nothing of the old outcome
      await chat.send({ flow: 'strategy' });
      await chat.send('stop');
      const later = await chat.send('tal med en konsulent');
      expect(topicOf(later) ?? '').not.toContain('Ring 112 nu');
      expect(urgencyOf(later)).toBeUndefined();
    });
  });
}, 180_000);

describe('an answer inside a guide', () => {
  it('is no longer "the topic before" once a step of the guide is answered', async () => {
    await conversation('trial-topic-after-step', async (chat) => {
      await chat.send({ flow: 'platform-choice' });
      const side = await chat.send('hvad koster det at annoncere på facebook');
      expect(side.flow?.id).toBe('platform-choice');
      await chat.send('TikTok');
      const next = await chat.send('hvad med snapchat i stedet?');
      expect(replyText(next)).not.toContain('Eller spurgte du til det forrige emne?');
    });
  });
});
