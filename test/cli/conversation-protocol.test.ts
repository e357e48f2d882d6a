import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Choice } from '../../src/core/message.ts';
import type { Report } from '../../src/report/report-types.ts';
import { runCli } from '../support/run-cli.ts';
import { ChatProcess, replyText, type ChatReply } from '../store/support/chat-process.ts';

/** The shipped knowledge (the conversation behaviour is checked on the real entries and guides). */
const KNOWLEDGE = fileURLToPath(new URL('../../knowledge/', import.meta.url));

const dir = mkdtempSync(join(tmpdir(), 'conversation-protocol-'));
const env = { KNOWLEDGE_DIR: KNOWLEDGE, SQLITE_PATH: join(dir, 'state.db'), DATABASE_URL: '', ANALYTICS_SECRET: '' };

function choices(reply: ChatReply): Choice[] {
  return reply.messages.flatMap((m) => m.blocks.flatMap((b) => (b.type === 'choices' ? b.choices : [])));
}
function choiceId(reply: ChatReply, label: RegExp | string): string {
  const found = choices(reply).find((c) => (typeof label === 'string' ? c.label === label : label.test(c.label)));
  if (!found) throw new Error(`no choice ${String(label)} in ${JSON.stringify(choices(reply).map((c) => c.label))}`);
  return found.id;
}
function contexts(reply: ChatReply): string[] {
  return reply.messages.flatMap((m) => m.blocks.flatMap((b) => (b.type === 'context' ? [b.text] : [])));
}

let chat: ChatProcess;
beforeAll(() => {
  chat = new ChatProcess('conversation-protocol', env);
});
afterAll(async () => {
  if (chat.alive) await chat.crash();
});

describe('the conversation over chat --json', () => {
  it('answers with the entry and offers its guide beside it, for a moderation question and a shitstorm', async () => {
    const moderation = await chat.send('må vi slette kritiske kommentarer på vores facebookside?');
    expect(replyText(moderation)).toContain('Må vi slette eller skjule kommentarer?');
    expect(replyText(moderation)).toContain('debatpolitik');
    expect(choices(moderation)).toContainEqual({ id: 'flow:critical-citizen', label: 'Start guiden', style: 'primary' });
    expect(moderation.flow).toBeNull();

    const shitstorm = await chat.send('hvad gør vi ved en shitstorm');
    expect(replyText(shitstorm)).toContain('Sæt alle planlagte opslag på pause på alle kanaler.');
    expect(replyText(shitstorm)).toContain('Der er også en guide');
    expect(choices(shitstorm)).toContainEqual({ id: 'flow:crisis', label: 'Start guiden', style: 'primary' });
    expect(choices(shitstorm).map((c) => c.id)).toContain('fb:up:faq:shitstorm');
  });

  it('answers small talk briefly, with the menu for a greeting and "hvad kan du", and never with an FAQ entry', async () => {
    const hello = await chat.send('hej');
    expect(replyText(hello)).toContain('Hvad kan jeg hjælpe med?');
    expect(choices(hello).map((c) => c.id)).toEqual(expect.arrayContaining(['flow:crisis', 'flow:strategy', 'cmd:escalate']));
    const capabilities = await chat.send('hvad kan du?');
    expect(replyText(capabilities)).toContain('Jeg kan tre ting');
    expect(choices(capabilities).map((c) => c.id)).toContain('flow:critical-citizen');
    const thanks = await chat.send('tak for hjælpen');
    expect(thanks.messages).toHaveLength(1);
    expect(replyText(thanks)).toBe('Selv tak! Skriv endelig, hvis der er mere, jeg kan hjælpe med.');
    expect(replyText(await chat.send('hvem er du'))).toContain('en chatbot, ikke et menneske');
    expect(replyText(await chat.send('Thanks!'))).toContain('Selv tak');
  });

  it('asks back, saying what is outside the field, when a question names a platform but reads as outside the field', async () => {
    const launched = await chat.send('hvornår blev instagram lanceret');
    expect(replyText(launched)).toContain('Mente du');
    expect(replyText(launched)).toContain('Handler det ikke om kommunens egne kanaler, ligger det uden for mit felt.');
    expect(choices(launched).some((c) => c.id.startsWith('faq:'))).toBe(true);
    expect(launched.messages.some((m) => m.blocks.some((b) => b.type === 'heading'))).toBe(false);
  });

  it('answers a threat of violence or a message about suicide with the safety answer, 112 first, whatever the search found', async () => {
    const threat = await chat.send('en borger har skrevet i en kommentar på vores side at han vil komme ned på rådhuset og "gøre det af med" sagsbehandleren. hvad gør vi');
    const [first, ...rest] = threat.messages;
    expect(first?.blocks.some((b) => b.type === 'text' && b.markdown.split('\n').slice(0, 4).join(' ').includes('ring 112'))).toBe(true);
    expect(replyText(threat)).toContain('Trusler mod kommunen eller medarbejdere');
    // a guess of the search is not offered after the safety answer
    expect(rest.flatMap((m) => m.blocks).some((b) => b.type === 'choices' && b.choices.some((c) => c.id === 'cmd:none'))).toBe(false);
    const english = await chat.send('Someone posted that they will shoot the mayor');
    expect(replyText(english)).toContain('Trusler mod kommunen eller medarbejdere');
    const suicide = await chat.send('en ung skriver i messenger at hun ikke vil leve mere');
    expect(replyText(suicide)).toContain('Er nogen i fare lige nu, så ring 112');
    expect(replyText(suicide)).toContain('borger i krise');
    // a short follow-up after a safety answer stays with the person in danger
    expect(replyText(await chat.send('skal jeg svare hende'))).toContain('borger i krise');
    // a threat named without saying what it is counts when the search has no confident answer of its own
    expect(replyText(await chat.send('hjemmeplejen har fået en trussel på mail fra en pårørende'))).toContain('Er nogen i fare lige nu, så ring 112');
    // an answer the search was sure of follows as the other half of the message, not as "Jeg er ikke helt sikker …"
    const photo = await chat.send('hjælp!! en borger har lagt et billede af et barn fra skolefesten op på vores insta uden at spørge forældrene, og en anden skriver at han ved hvor hun bor og nok skal ordne hende');
    expect(replyText(photo)).toContain('Er nogen i fare lige nu, så ring 112');
    expect(replyText(photo)).not.toContain('Jeg er ikke helt sikker');
    expect(replyText(photo)).toContain('Din besked handler måske også om dette:');
    expect(choices(photo)).toContainEqual(expect.objectContaining({ id: 'faq:billeder-samtykke' }));
    // a long first message that says someone threatens the mayor, among other trouble, leads with 112 too
    const shitstorm = await chat.send('hej jeg har et kæmpe problem. vi har et opslag om lukning af Bøgeskolen med 200 vrede kommentarer og nogen truer borgmesteren, en har skrevet en borgers cpr 120378-1234 i en kommentar. hvad gør jeg?? det er fredag aften');
    expect(replyText(shitstorm)).toContain('Er nogen i fare lige nu, så ring 112');
    // ... and not in a question about something else that lists threats among other things
    expect(replyText(await chat.send('vi skal skrive husregler til facebooksiden om hvad vi fjerner, fx trusler og reklamer'))).not.toContain('Trusler mod kommunen');
    // a citizen who will shoot himself gets the crisis answer, not the threats answer
    const himself = await chat.send('en borger skriver i messenger at han vil skyde sig selv');
    expect(replyText(himself)).toContain('borger i krise');
    // an idiom is not a threat
    expect(replyText(await chat.send('vi vil skyde kampagnen i gang på facebook i næste uge'))).not.toContain('Trusler mod kommunen');
  });

  it('takes a button from an earlier step back to that step with the new answer, and goes on from there', async () => {
    const first = await chat.send({ flow: 'crisis' });
    expect(contexts(first)).toContain('Trin 1 af højst 6');
    const decision = choiceId(first, /^Upopulær beslutning/);
    const second = await chat.send('2');
    expect(second.flow?.node).toBe('own-mistake-data');
    const third = await chat.send('2');
    expect(third.flow?.node).toBe('scale');
    const changed = await chat.send({ action: decision });
    expect(contexts(changed)).toContain('Du har ændret dit svar i trin 1. Guiden fortsætter derfra.');
    expect(contexts(changed)).toContain('Trin 2 af højst 5');
    expect(changed.flow).toEqual({ id: 'crisis', node: 'scale', outcome: false });
    const fourth = await chat.send({ action: choiceId(changed, /^Voksende/) });
    expect(fourth.flow?.node).toBe('threats');
  });

  it('says a button of a replaced guide is no longer active, and the current step keeps working', async () => {
    // the crisis guide is still open from the test before: opening it again goes on where it was
    const resumed = await chat.send({ flow: 'crisis' });
    expect(replyText(resumed)).toContain('Du fortsætter, hvor du slap i guiden (trin 3). Dine svar er gemt.');
    expect(resumed.flow).toEqual({ id: 'crisis', node: 'threats', outcome: false });
    const crisis = await chat.send({ action: 'cmd:restart' });
    const oldButton = choiceId(crisis, /^Egen fejl/);
    const citizen = await chat.send({ flow: 'critical-citizen' });
    const stale = await chat.send({ action: oldButton });
    expect(replyText(stale)).toContain('Det valg er ikke længere aktivt.');
    expect(replyText(stale)).toContain('Hvordan svarer vi en kritisk borger?');
    expect(choices(stale)).toContainEqual({ id: 'cmd:continue:critical-citizen', label: 'Fortsæt guiden (trin 1)', style: 'primary' });
    expect(stale.flow).toEqual(citizen.flow);
    const next = await chat.send({ action: choices(citizen)[2]?.id ?? '' });
    expect(next.flow?.id).toBe('critical-citizen');
    expect(next.flow?.node).not.toBe(citizen.flow?.node);
  });

  it('asks whether a question typed in a free-text step is the answer, and either answers it and returns or uses it', async () => {
    const start = await chat.send({ flow: 'strategy' });
    expect(contexts(start)).toContain('Trin 1 af 10');
    const held = await chat.send('hvad er en debatpolitik?');
    expect(choices(held).map((c) => c.id)).toEqual(['held:answer', 'held:ask']);
    expect(held.flow).toEqual({ id: 'strategy', node: 'move', outcome: false });
    const answered = await chat.send({ action: 'held:ask' });
    expect(replyText(answered)).toContain('Debatpolitik og husregler');
    expect(replyText(answered)).toContain('Hvad skal I flytte?');
    expect(answered.flow).toEqual({ id: 'strategy', node: 'move', outcome: false });
    // a question word is enough, without a question mark or a confident search hit
    const unmarked = await chat.send('hvad koster det');
    expect(choices(unmarked).map((c) => c.id)).toEqual(['held:answer', 'held:ask']);
    expect(unmarked.flow).toEqual({ id: 'strategy', node: 'move', outcome: false });
    const howMany = await chat.send('hvor mange timer bruger andre kommuner typisk paa det');
    expect(choices(howMany).map((c) => c.id)).toEqual(['held:answer', 'held:ask']);
    expect(howMany.flow).toEqual({ id: 'strategy', node: 'move', outcome: false });

    const plain = await chat.send('Færre opkald om affald og flere ansøgere til ledige job');
    expect(plain.flow?.node).toBe('audience');
    const question = await chat.send('må vi slette kommentarer');
    expect(choices(question).map((c) => c.id)).toEqual(['held:answer', 'held:ask']);
    const used = await chat.send('1');
    expect(used.flow?.node).toBe('platforms');
  });

  it('shows "Fortsæt guiden (trin N)" under the menu and "?" mid-guide, and continues at that step', async () => {
    const menu = await chat.send('menu');
    expect(replyText(menu)).toContain('Hvad kan jeg hjælpe med?');
    expect(replyText(menu)).toContain('Du er midt i guiden "Lav et udkast til en strategi for sociale medier"');
    expect(choices(menu)).toContainEqual({ id: 'cmd:continue:strategy', label: 'Fortsæt guiden (trin 3)', style: 'primary' });
    expect(choices(await chat.send('?')).map((c) => c.label)).toContain('Fortsæt guiden (trin 3)');
    const resumed = await chat.send({ action: 'cmd:continue:strategy' });
    expect(contexts(resumed)).toContain('Trin 3 af 10');
    expect(resumed.flow?.node).toBe('platforms');
  });

  it('marks missing and one-word answers in the strategy draft, and corrects obvious typing slips only when asked', async () => {
    let reply = await chat.send('Facebook');
    for (let i = 0; i < 5; i += 1) reply = await chat.send({ action: choiceId(reply, 'Spring over – udfyld senere') });
    const step = reply.flow?.node;
    const slip = await chat.send('Vi deler opslag på kommunens hjemmesdie og i nyhedsbrevet til borgrene');
    expect(replyText(slip)).toContain('«hjemmesdie» → «hjemmeside», «borgrene» → «borgerne»');
    expect(choices(slip).map((c) => [c.id, c.label])).toEqual([['held:corrected', 'Ret det'], ['held:answer', 'Behold som skrevet']]);
    expect(slip.flow?.node).toBe(step);
    reply = await chat.send({ action: 'held:corrected' });
    expect(reply.flow?.node).not.toBe(step);
    const kept = await chat.send('Vi mååler henvendelser og svartid hver måned på isntagram');
    expect(replyText(kept)).toContain('«isntagram» → «instagram»');
    reply = await chat.send({ action: 'held:answer' });
    expect(reply.flow).toEqual({ id: 'strategy', node: 'draft', outcome: true });
    const draft = replyText(reply);
    expect(draft).toContain('Færre opkald om affald og flere ansøgere til ledige job');
    expect(draft).toContain('må vi slette kommentarer');
    expect(draft).toContain('Facebook _(kort svar — uddyb det, og vend tilbage til dette)_');
    expect(draft).toContain('**5. Ressourcer – hvor mange ressourcer bruger vi?**\n_(mangler — vend tilbage til dette)_');
    expect(draft).toContain('Vi deler opslag på kommunens hjemmeside og i nyhedsbrevet til borgerne');
    expect(draft).toContain('Vi mååler henvendelser og svartid hver måned på isntagram');
  });

  it('does not offer the guide the user is in beside an answer given in the middle of it', async () => {
    const guide = await chat.send({ flow: 'platform-choice' });
    expect(guide.flow?.id).toBe('platform-choice');
    const answer = await chat.send('skal vi være på tiktok');
    expect(replyText(answer)).toContain('TikTok');
    expect(choices(answer).map((c) => c.id)).not.toContain('flow:platform-choice');
    expect(choices(answer).map((c) => c.id)).toContain('cmd:continue:platform-choice');
    const outside = await chat.send('stop');
    expect(outside.flow).toBeNull();
    expect(choices(await chat.send('skal vi være på tiktok')).map((c) => c.id)).toContain('flow:platform-choice');
  });

  it('keeps the place in a guide left for another guide, and goes on from there when it is opened again', async () => {
    const crisis = await chat.send({ flow: 'crisis' });
    const second = await chat.send({ action: choiceId(crisis, /^Upopulær beslutning/) });
    expect(contexts(second)).toContain('Trin 2 af højst 5');
    const citizen = await chat.send({ flow: 'critical-citizen' });
    expect(citizen.flow?.id).toBe('critical-citizen');
    const back = await chat.send({ flow: 'crisis' });
    expect(replyText(back)).toContain('Du fortsætter, hvor du slap i guiden (trin 2). Dine svar er gemt.');
    expect(back.flow).toEqual(second.flow);
    expect(choices(back)).toContainEqual({ id: 'cmd:restart', label: 'Start guiden forfra' });
    const third = await chat.send({ action: choiceId(back, /^Voksende/) });
    expect(third.flow?.node).toBe('threats');
    // "stop" keeps the answers: the guide opened again goes on where it stopped
    const stopped = await chat.send('stop');
    expect(replyText(stopped)).toContain('Guiden er stoppet. Dine svar er gemt');
    expect(stopped.flow).toBeNull();
    const reopened = await chat.send({ flow: 'crisis' });
    expect(replyText(reopened)).toContain('Du fortsætter, hvor du slap i guiden (trin 3). Dine svar er gemt.');
    expect(reopened.flow).toEqual(third.flow);
    const over = await chat.send({ action: 'cmd:restart' });
    expect(contexts(over)).toContain('Trin 1 af højst 6');
    // with no answer given there is nothing to keep
    const empty = await chat.send('stop');
    expect(replyText(empty)).toContain('Guiden er stoppet.');
    expect(replyText(empty)).not.toContain('Dine svar er gemt');
  });

  it('reads a short follow-up with the answer before it when it says too little alone, and offers that reading otherwise', async () => {
    const blocking = await chat.send('må vi blokere en borger');
    expect(replyText(blocking)).toContain('Må vi blokere brugere?');
    expect(contexts(blocking).join(' ')).not.toContain('Det er det samme svar');
    // the same entry twice in a row says so, with a consultant offered
    const again = await chat.send('hvornår må vi blokere en bruger på facebook');
    expect(again.messages).toHaveLength(1);
    expect(contexts(again)[0]).toContain('Det er det samme svar, som du fik lige før.');
    // not the whole answer a second time: its title, the note, and buttons to show it again or ask a consultant
    expect(replyText(again)).toBe('Må vi blokere brugere?');
    expect(choices(again).map((c) => c.id)).toEqual(['faq:blokering', ...choices(blocking).filter((c) => c.id.startsWith('flow:')).map((c) => c.id), 'cmd:escalate']);
    expect(choices(again)[0]?.label).toBe('Vis svaret igen');
    const shownAgain = await chat.send({ action: 'faq:blokering' });
    expect(replyText(shownAgain)).toBe(replyText(blocking));
    const politician = await chat.send('hvad hvis han er byrådsmedlem?');
    expect(replyText(politician)).toContain('Må vi blokere brugere?');
    const instagram = await chat.send('og på instagram?');
    expect(replyText(instagram)).toContain('Instagram');
    expect(replyText(instagram)).toContain('Eller spurgte du til det forrige emne?');
    expect(choices(instagram)).toContainEqual({ id: 'faq:blokering', label: 'Må vi blokere brugere?' });
  });

  it('cancels an open consultant request with words that say so, not as a guide', async () => {
    const form = await chat.send('tal med en konsulent');
    expect(form.messages.flatMap((m) => m.blocks).some((b) => b.type === 'form')).toBe(true);
    const question = await chat.send('Jeg er kommunikationschef i Odense, ring til mig');
    expect(replyText(question)).toContain('Din henvendelse til en konsulent er ikke sendt endnu');
    expect(replyText(await chat.send('må vi slette kommentarer på vores facebookside'))).not.toContain('ikke sendt endnu');
    expect(replyText(await chat.send('annuller'))).toContain('Henvendelsen er annulleret, og intet er sendt.');
    expect(replyText(await chat.send({ form: 'escalation', values: {} }))).toContain('Det valg er ikke længere aktivt.');
  });

  it('counts small talk in the report neither as a question nor as unanswered', async () => {
    expect(await chat.end()).toBe(0);
    const result = await runCli(['report', '--json'], '', env);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    // The two FAQ questions, the one asked back with out-of-field doubt, the ten safety-test messages, the question
    // answered from inside the strategy guide, the two about TikTok, inside and outside the platform guide, the four
    // about blocking and the two asked with a consultant request open.
    expect(report.questions.total).toBe(22);
    expect(report.unansweredGroups).toEqual([]);
    expect(report.outsideAreas).toEqual([]);
  });
}, 180_000);
