// French first, English available. Messages from the core stay in French.

import { fr } from "./fr";

export type Lang = "fr" | "en";
export type Key = keyof typeof fr;

// French comes with the app; English is loaded when chosen (a seventh of the first
// script, parsed and held for nothing by most organisers: bench/startup).
const dictionaries: Partial<Record<Lang, Record<Key, string>>> = { fr };

export const i18n = $state<{ lang: Lang }>({ lang: "fr" });

export async function setLang(lang: Lang) {
  if (!dictionaries[lang]) dictionaries[lang] = (await import("./en")).en;
  i18n.lang = lang;
  document.documentElement.lang = lang;
  localStorage.setItem("journee.lang", lang);
}

/** Before the first paint: the language chosen last time on this computer, its words
 * loaded. */
export async function restoreLang(): Promise<void> {
  if (localStorage.getItem("journee.lang") === "en") await setLang("en");
}

// ICU's objects are costly to make (JavaScriptCore builds each from ICU's data): one per
// language, made when first needed. A new one at every call of `t` was a thousand at the
// grid's first paint (bench/startup).
const plurals: Partial<Record<Lang, Intl.PluralRules>> = {};
function plural(n: number): string {
  const lang = i18n.lang;
  plurals[lang] ??= new Intl.PluralRules(lang === "fr" ? "fr-FR" : "en-GB");
  return plurals[lang].select(n);
}
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${i18n.lang}:${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(i18n.lang === "fr" ? "fr-FR" : "en-GB", { ...options, timeZone: "UTC" });
    dateFormats.set(key, format);
  }
  return format;
}

/** The text for `key` in the current language, with `{name}` placeholders filled, and
 * `{name|one|other}` the word that agrees with the number `name` by the language's rule
 * (French: « 0 erreur », « 1 erreur », « 2 erreurs »; English: « 0 errors »). */
export function t(key: Key, params: Record<string, string | number> = {}): string {
  const text = dictionaries[i18n.lang]?.[key] ?? fr[key];
  return text
    .replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (_, name, one, other) => (plural(Number(params[name] ?? 0)) === "one" ? one : other))
    .replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? `{${name}}`));
}

/** A date as the organisers read it: "lundi 18 mars 2019". */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return dateFormat({ weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** "10:00–11:30", or "18:30" for an open-ended slot. */
export function timeRange(start: string, end: string | null): string {
  return end ? `${start}–${end}` : start;
}

/** "3 janvier 2019 à 18:34" from "2019-01-03T18:34:00" (with or without an offset: the
 * time shown is the one the form recorded). */
export function dateTime(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(iso);
  if (!match) return iso;
  const [, y, m, d, hh, mm] = match;
  const date = dateFormat({ day: "numeric", month: "long", year: "numeric" }).format(new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))));
  if (hh === undefined) return date;
  return i18n.lang === "fr" ? `${date} à ${hh}:${mm}` : `${date}, ${hh}:${mm}`;
}

/** `key.one` or `key.other` by the language's plural rule (French: 0 and 1 take the
 * singular), with `{n}` filled. */
export function tn(key: string, n: number, params: Record<string, string | number> = {}): string {
  const rule = plural(n);
  return t(`${key}.${rule === "one" ? "one" : "other"}` as Key, { n, ...params });
}
