import type { OperationText } from './operation-text';

/**
 * What an operation's own prose says about who calls it. Each cue is a phrase a producer's or a gateway's docs use
 * for an endpoint that *another system* calls to deliver something; the `says` text is what a finding quotes.
 */
interface TextCue {
  pattern: RegExp;
  says: string;
}

const RECEIVER_CUES: TextCue[] = [
  { pattern: /^(\W*(this|the) (api|endpoint) is (an? |the )?)?callback (api|endpoint|handler)\b/i, says: 'its description calls it a callback' },
  { pattern: /\b(this|the) (api|endpoint|url|operation) is (actually |also )?(the |a )?(callback|webhook)\b/i, says: 'its description calls it a callback' },
  { pattern: /\bwebhook (sink|receiver|listener|handler|consumer|target|sample|example|payload)s?\b/i, says: 'its description calls it a webhook receiver' },
  { pattern: /\b(incoming|inbound) (webhook|callback|event notification)s?\b/i, says: 'it takes incoming webhooks' },
  { pattern: /\b(receives?|receiving|accepts?|handles?|consumes?|ingests?|processe?s?) (an? |the |all |incoming |inbound )*(webhooks?|callbacks?|event notifications?|notifications? (from|sent by))\b/i, says: 'its description says it receives webhooks' },
  { pattern: /\b(executes?|executing) (an? |the )?(\w+ )?webhook\b/i, says: 'it executes an incoming webhook' },
  { pattern: /\b(called|invoked|triggered|hit) by (the |an? )?(external|third[- ]party|remote|upstream|partner)\b/i, says: 'its description says another system calls it' },
  { pattern: /\bfor notifying\b|\bto notify (us|this (api|service))\b/i, says: 'another system notifies it' },
  { pattern: /\bis used by \w+ to notify\b|\bwill (get|be) notified\b/i, says: 'another system notifies it' },
  { pattern: /\b(as |an? )?acknowledge?ment (to|of|for) (the )?(\w+ )?(notification|request|receipt)s?\b/i, says: 'it acknowledges a notification (a callback)' },
  { pattern: /\bwebhook (will |is |gets )?(be )?(invoked|called|sent|fired|triggered) (when|on|after|whenever|for|if)\b/i, says: 'its description says the webhook is invoked on an event' },
  { pattern: /^\W*callback (to|for|that|when|sent|invoked)\b/i, says: 'its description calls it a callback' },
  { pattern: /\b(can|will|may|must) call this (endpoint|api|url|operation)\b/i, says: 'its description says another system calls it' },
  { pattern: /\b(sends?|posts?|pushe?s?) (\w+ ){0,4}(via|through|with) (an? |the |a unique |your )?webhook( url)?\b/i, says: 'it takes data sent through a webhook URL' },
  { pattern: /\b(implement(ed)?|host(ed)?|expose[sd]?) (by|on|at) (the |your )?(partner|client|customer|merchant|integrator|server|side)\b/i, says: 'its description says a partner implements it' },
  { pattern: /\b(sends?|sending|posts?|delivers?|pushe?s?) (\w+ ){0,4}to your (own )?(server|endpoint|url)\b/i, says: 'its description says deliveries come to it' },
];

/** The operation is itself an action: it sends messages to people, or works on webhooks rather than receiving one. */
const OUTBOUND_CUES: TextCue[] = [
  {
    pattern: /^(\W*(this|the) (api|endpoint|operation) (is used |allows you |lets you )?)?(\W*(api|endpoint) (for \w+ )?)?(to )?(sends?|sending|creates?|emails?|texts?)\b.{0,50}\b(e-?mails?|sms|text messages?|push( notifications?)?|messages?|notifications?|invitations?|invites?)\b/i,
    says: 'it sends messages to people',
  },
  { pattern: /^\W*(marks?|sets?) (\w+ )*(notifications?|messages?) (as )?(read|unread|seen)\b/i, says: 'it marks notifications read' },
];

export function receiverTextCue(text: OperationText): string | undefined {
  return RECEIVER_CUES.find((cue) => cue.pattern.test(text.summary) || cue.pattern.test(text.firstSentence))?.says;
}

export function outboundTextCue(text: OperationText): string | undefined {
  return OUTBOUND_CUES.find((cue) => cue.pattern.test(text.summary) || cue.pattern.test(text.firstSentence))?.says;
}
