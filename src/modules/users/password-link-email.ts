import type { EventHandler } from '../../platform/events/event-bus.js';
import { enqueueMessage } from '../../platform/outbox/enqueue-message.js';

type LinkEvent = 'user.invited' | 'user.password_reset';

// The e-mail is the user's first contact with Passage: short, in their language, and saying who
// sent it and until when the link works. English is the fallback for languages without a text.
const texts: Record<
  string,
  Record<LinkEvent, (p: { name: string; link: string; until: string }) => { subject: string; text: string }>
> = {
  en: {
    'user.invited': ({ name, link, until }) => ({
      subject: 'Your Passage account',
      text: `Dear ${name},\n\nAn administrator has made you an account in Passage. Choose your password here:\n\n${link}\n\nThe link works once, until ${until} (UTC). If you did not expect this e-mail, you can ignore it.\n`,
    }),
    'user.password_reset': ({ name, link, until }) => ({
      subject: 'Set a new Passage password',
      text: `Dear ${name},\n\nAn administrator has sent you a link to set a new password in Passage:\n\n${link}\n\nThe link works once, until ${until} (UTC). Earlier links no longer work.\n`,
    }),
  },
  nl: {
    'user.invited': ({ name, link, until }) => ({
      subject: 'Uw Passage-account',
      text: `Beste ${name},\n\nEen beheerder heeft een account voor u gemaakt in Passage. Kies hier uw wachtwoord:\n\n${link}\n\nDe link werkt één keer, tot ${until} (UTC). Verwachtte u deze e-mail niet, dan kunt u hem negeren.\n`,
    }),
    'user.password_reset': ({ name, link, until }) => ({
      subject: 'Stel een nieuw Passage-wachtwoord in',
      text: `Beste ${name},\n\nEen beheerder heeft u een link gestuurd om een nieuw wachtwoord in te stellen in Passage:\n\n${link}\n\nDe link werkt één keer, tot ${until} (UTC). Eerdere links werken niet meer.\n`,
    }),
  },
};

/** Subscriber: e-mails the one-time set-password link of an invitation or a reset, through the outbox. */
export const sendPasswordLinkEmail: EventHandler<LinkEvent> = async (ctx, event) => {
  const { email, displayName, link, expiresAt, locale } = event.payload;
  const catalogue = texts[locale] ?? texts.en!;
  const until = expiresAt.slice(0, 16).replace('T', ' ');
  const message = catalogue[event.type]({ name: displayName, link, until });
  await enqueueMessage(
    { ...ctx, actor: { ...ctx.actor, missionId: event.missionId } },
    {
      channel: 'email',
      kind: event.type,
      idempotencyKey: `${event.type}:${event.id}`,
      payload: { to: email, subject: message.subject, text: message.text },
    },
  );
};
