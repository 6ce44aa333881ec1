import { describe, expect, it } from 'vitest';
import {
  MissingTemplateVariablesError,
  normaliseLanguage,
  renderSmsTemplate,
} from './render-sms-template.js';
import { defaultSmsTemplates, smsTemplateKinds, smsTemplateVariables } from './sms-template-defaults.js';

const flight = {
  name: 'Amina Rahimi',
  date: '12 March 2027',
  flightNumber: 'TK1954',
  departureAirport: 'AMS',
  departureTime: '10:40',
  meetingPoint: 'Schiphol, departure hall 2, IOM desk',
  meetingTime: '07:40',
};

const REQUIRED_LANGUAGES = [
  'en',
  'nl',
  'fr',
  'ar',
  'fa',
  'prs',
  'ps',
  'ru',
  'es',
  'pt',
  'tr',
  'ti',
  'am',
  'so',
  'sq',
  'ka',
  'uk',
  'mn',
  'ur',
  'ckb',
  'zh',
];

describe('built-in SMS wording', () => {
  it.each(REQUIRED_LANGUAGES)(
    'has every kind in %s, using every variable of the kind exactly',
    (language) => {
      for (const kind of smsTemplateKinds) {
        const body = defaultSmsTemplates[language]?.[kind];
        expect(body, `${language} ${kind}`).toBeTruthy();
        const used = new Set([...body!.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]));
        expect([...used].sort(), `${language} ${kind}`).toEqual([...smsTemplateVariables[kind]].sort());
      }
    },
  );
});

describe('renderSmsTemplate', () => {
  it.each([
    // requested, used, fallback
    ['nl', 'nl', false],
    ['NL', 'nl', false],
    ['ara', 'ar', false],
    ['fa-AF', 'prs', false],
    ['fa-IR', 'fa', false],
    ['prs', 'prs', false],
    ['ckb', 'ckb', false],
    ['pt-BR', 'pt', false],
    ['zh_Hans', 'zh', false],
    ['hy', 'en', true],
    [null, 'en', true],
  ])('renders a request in %s in %s (fallback %s)', (requested, used, fallback) => {
    const sms = renderSmsTemplate('flight_details', requested, flight);
    expect(sms.language).toBe(used);
    expect(sms.fallback).toBe(fallback);
    expect(sms.warning !== null).toBe(fallback);
    expect(sms.text).toContain('TK1954');
    expect(sms.text).not.toMatch(/\{\{|\}\}/);
  });

  it('fills the English flight details message', () => {
    expect(renderSmsTemplate('flight_details', 'en', flight).text).toBe(
      'IOM: Dear Amina Rahimi, your flight TK1954 leaves AMS on 12 March 2027 at 10:40. Please be at Schiphol, departure hall 2, IOM desk at 07:40.',
    );
  });

  it('reports the fallback language in its warning', () => {
    const sms = renderSmsTemplate('booking_cancelled', 'hy', flight);
    expect(sms.warning).toBe('No booking_cancelled SMS wording in "hy": sent in English instead.');
  });

  it('marks right-to-left languages', () => {
    expect(renderSmsTemplate('booking_changed', 'ps', flight).direction).toBe('rtl');
    expect(renderSmsTemplate('booking_changed', 'ka', flight).direction).toBe('ltr');
  });

  it('prefers a mission’s own wording, and falls back to built-in text for other languages', () => {
    const overrides = { so: 'Custom {{name}} {{flightNumber}} {{date}}' };
    expect(renderSmsTemplate('booking_cancelled', 'so', flight, overrides).text).toBe(
      'Custom Amina Rahimi TK1954 12 March 2027',
    );
    expect(renderSmsTemplate('booking_cancelled', 'nl', flight, overrides).language).toBe('nl');
  });

  it('refuses to render without a needed variable', () => {
    const { meetingPoint: _omitted, ...partial } = flight;
    expect(() => renderSmsTemplate('flight_details', 'en', partial)).toThrow(MissingTemplateVariablesError);
  });

  it('keeps values on one line and free of placeholders', () => {
    const sms = renderSmsTemplate('booking_cancelled', 'en', { ...flight, name: 'A\n{{date}}  B' });
    expect(sms.text).toContain('Dear A date B,');
  });

  it.each([
    ['ENG', 'en'],
    ['fa_AF', 'prs'],
    [' tir ', 'ti'],
  ])('normalises %s to %s', (code, expected) => {
    expect(normaliseLanguage(code)).toBe(expected);
  });
});
