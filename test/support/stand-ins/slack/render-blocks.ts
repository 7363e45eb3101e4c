/** Block Kit and Slack mrkdwn turned into the plain text a person would read in Slack. Pure. */
import { isObject, type Json } from './block-kit-elements.js';

export interface Names {
  users: ReadonlyMap<string, string>;
  channels: ReadonlyMap<string, string>;
}

const BROADCASTS: Readonly<Record<string, string>> = { here: '@here', channel: '@channel', everyone: '@everyone' };

const decodeEntities = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** `<@U1>` -> `@alice`, `<#C1>` -> `#general`, `<!date^…|fallback>` -> fallback, `<url|label>` -> `label (url)`. */
export function renderMrkdwn(text: string, names: Names): string {
  const out = text.replace(/<([^<>]+)>/g, (_whole, inner: string) => renderToken(inner, names));
  return decodeEntities(out);
}

function renderToken(inner: string, names: Names): string {
  const [target = '', label] = splitLabel(inner);
  if (target.startsWith('@')) {
    const id = target.slice(1);
    return `@${names.users.get(id) ?? label ?? id}`;
  }
  if (target.startsWith('#')) {
    const id = target.slice(1);
    return `#${names.channels.get(id) || label || id}`;
  }
  if (target.startsWith('!date^')) return label ?? target;
  if (target.startsWith('!subteam^')) return label ?? `@${target.slice('!subteam^'.length)}`;
  if (target.startsWith('!')) return BROADCASTS[target.slice(1)] ?? label ?? target;
  return label ? `${label} (${target})` : target;
}

function splitLabel(inner: string): [string, string | undefined] {
  const bar = inner.indexOf('|');
  return bar === -1 ? [inner, undefined] : [inner.slice(0, bar), inner.slice(bar + 1)];
}

const textOf = (value: unknown, names: Names): string =>
  isObject(value) && typeof value.text === 'string'
    ? value.type === 'mrkdwn' ? renderMrkdwn(value.text, names) : value.text
    : '';

/** An interactive element as a person sees it: `[ Done ]`, `[ Pick a severity v ]`. */
export function renderElement(el: unknown, names: Names): string {
  if (!isObject(el)) return '';
  switch (el.type) {
    case 'button': case 'workflow_button': return `[ ${textOf(el.text, names)} ]`;
    case 'image': return `[image: ${typeof el.alt_text === 'string' ? el.alt_text : ''}]`;
    case 'overflow': return '[ ... ]';
    case 'checkboxes': case 'radio_buttons': return optionList(el, names);
    default: {
      const placeholder = textOf(el.placeholder, names);
      return `[ ${placeholder || String(el.type).replace(/_/g, ' ')} v ]`;
    }
  }
}

function optionList(el: Json, names: Names): string {
  const options = Array.isArray(el.options) ? el.options : [];
  return options.map((o: unknown) => `( ) ${isObject(o) ? textOf(o.text, names) : ''}`).join('  ');
}

/** One block as lines of text. */
export function renderBlock(block: unknown, names: Names): string[] {
  if (!isObject(block)) return [];
  switch (block.type) {
    case 'header': return [textOf(block.text, names).toUpperCase()];
    case 'section': return renderSection(block, names);
    case 'context': return [`( ${listOf(block.elements).map((e) => contextItem(e, names)).join(' | ')} )`];
    case 'actions': return [listOf(block.elements).map((e) => renderElement(e, names)).join(' ')];
    case 'divider': return ['----'];
    case 'image': return [`[image: ${typeof block.alt_text === 'string' ? block.alt_text : ''}]`];
    case 'input': return [`${textOf(block.label, names)}: ${renderElement(block.element, names)}`];
    case 'markdown': return typeof block.text === 'string' ? block.text.split('\n') : [];
    case 'rich_text': return richText(block, names).split('\n');
    default: return [`[${String(block.type)}]`];
  }
}

function renderSection(block: Json, names: Names): string[] {
  const lines = textOf(block.text, names).split('\n').filter((l, i, all) => l !== '' || all.length === 1);
  const fields = listOf(block.fields).map((f) => textOf(f, names).replace(/\n/g, ' '));
  for (let i = 0; i < fields.length; i += 2) lines.push(fields.slice(i, i + 2).join('  |  '));
  if (block.accessory !== undefined) {
    const accessory = renderElement(block.accessory, names);
    if (lines.length === 0) lines.push(accessory);
    else lines[lines.length - 1] = `${lines[lines.length - 1] ?? ''}  ${accessory}`;
  }
  return lines.filter((l) => l !== '');
}

function contextItem(el: unknown, names: Names): string {
  return isObject(el) && el.type === 'image' ? renderElement(el, names) : textOf(el, names);
}

function richText(node: unknown, names: Names): string {
  if (!isObject(node)) return '';
  if (typeof node.text === 'string') return node.text;
  if (node.type === 'user' && typeof node.user_id === 'string') return `@${names.users.get(node.user_id) ?? node.user_id}`;
  if (node.type === 'channel' && typeof node.channel_id === 'string') {
    return `#${names.channels.get(node.channel_id) || node.channel_id}`;
  }
  return listOf(node.elements).map((child) => richText(child, names)).join('');
}

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** A message body: its blocks when it has any, else its mrkdwn text. */
export function renderBody(text: string, blocks: readonly unknown[] | undefined, names: Names): string[] {
  if (blocks && blocks.length > 0) return blocks.flatMap((b) => renderBlock(b, names));
  return renderMrkdwn(text, names).split('\n');
}
