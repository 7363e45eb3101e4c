/**
 * Slack's Block Kit limits as a pure module, so the stand-in refuses what Slack refuses and builders can assert
 * "Slack would accept this" in unit tests: `expect(checkMessageBlocks(blocks)).toEqual([])`.
 */
import { BLOCK_KIT_LIMITS as L, BlockKitChecker, isObject, type BlockKitViolation, type Json } from './block-kit-elements.js';

export { BLOCK_KIT_LIMITS, type BlockKitViolation } from './block-kit-elements.js';

export const BLOCK_TYPES = [
  'section', 'divider', 'image', 'actions', 'context', 'header', 'input', 'rich_text', 'markdown', 'video', 'file',
] as const;

export const VIEW_TYPES = ['modal', 'home'] as const;

/** `[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]`, Slack's own wording. */
export function formatViolation(v: BlockKitViolation): string {
  return `[ERROR] ${v.message} [json-pointer:${v.pointer}]`;
}

/** The blocks of one message (chat.postMessage, chat.update, chat.postEphemeral, response_url). */
export function checkMessageBlocks(blocks: unknown): BlockKitViolation[] {
  const checker = new BlockKitChecker();
  checkBlockList(checker, blocks, '/blocks', L.messageBlocks);
  return checker.violations;
}

/** A modal or App Home view, as given to views.open / push / update / publish. */
export function checkView(view: unknown): BlockKitViolation[] {
  const checker = new BlockKitChecker();
  if (!isObject(view)) {
    checker.fail('/view', 'must be an object');
    return checker.violations;
  }
  if (view.type !== 'modal' && view.type !== 'home') checker.fail('/view/type', `must be one of: ${VIEW_TYPES.join(', ')}`);
  checkBlockList(checker, view.blocks, '/view/blocks', L.viewBlocks);
  checker.maxLength(view.callback_id, L.callbackId, '/view/callback_id');
  checker.maxLength(view.private_metadata, L.privateMetadata, '/view/private_metadata');
  checker.maxLength(view.external_id, L.externalId, '/view/external_id');
  if (view.type === 'modal') checkModalChrome(checker, view);
  if (viewTooLarge(view)) checker.fail('/view', `must be at most ${L.viewBytes} bytes of JSON`);
  return checker.violations;
}

/** True when a view's JSON is over Slack's 250 kB (views.* then answer `view_too_large`). */
export function viewTooLarge(view: unknown): boolean {
  return Buffer.byteLength(JSON.stringify(view) ?? '', 'utf8') > L.viewBytes;
}

function checkModalChrome(checker: BlockKitChecker, view: Json): void {
  if (view.title === undefined) checker.fail('/view/title', 'missing required field: title');
  else checker.text(view.title, '/view/title', L.modalTitle, true);
  checker.optionalText(view.submit, '/view/submit', L.modalButton, true);
  checker.optionalText(view.close, '/view/close', L.modalButton, true);
  const hasInput = Array.isArray(view.blocks) && view.blocks.some((b) => isObject(b) && b.type === 'input');
  if (hasInput && view.submit === undefined) {
    checker.fail('/view/submit', 'missing required field: submit (a modal with input blocks needs a submit button)');
  }
}

function checkBlockList(checker: BlockKitChecker, blocks: unknown, pointer: string, max: number): void {
  if (!Array.isArray(blocks)) return checker.fail(pointer, 'must be an array');
  checker.maxItems(blocks, max, pointer);
  const seenIds = new Set<string>();
  blocks.forEach((block: unknown, i) => {
    const at = `${pointer}/${i}`;
    if (!isObject(block)) return checker.fail(at, 'must be a block object');
    checkBlockId(checker, block.block_id, `${at}/block_id`, seenIds);
    checkBlock(checker, block, at);
  });
}

function checkBlockId(checker: BlockKitChecker, blockId: unknown, pointer: string, seen: Set<string>): void {
  if (blockId === undefined) return;
  if (typeof blockId !== 'string' || blockId.length === 0) return checker.fail(pointer, 'must be more than 0 characters');
  checker.maxLength(blockId, L.blockId, pointer);
  if (seen.has(blockId)) checker.fail(pointer, `duplicate block_id ${JSON.stringify(blockId)}: block_id must be unique`);
  seen.add(blockId);
}

function checkBlock(checker: BlockKitChecker, block: Json, at: string): void {
  switch (block.type) {
    case 'section': return checkSection(checker, block, at);
    case 'header': return checker.text(block.text, `${at}/text`, L.headerText, true);
    case 'context': return checkList(checker, block.elements, `${at}/elements`, L.contextElements, (el, p) => {
      if (isObject(el) && el.type === 'image') checker.image(el, p);
      else checker.text(el, p, L.textObject);
    });
    case 'actions': return checkList(checker, block.elements, `${at}/elements`, L.actionsElements, (el, p) => checker.element(el, p));
    case 'input': return checkInput(checker, block, at);
    case 'image':
      checker.image(block, at);
      return checker.optionalText(block.title, `${at}/title`, L.altText, true);
    case 'markdown':
      if (typeof block.text !== 'string' || block.text.length === 0) return checker.fail(`${at}/text`, 'must be more than 0 characters');
      return checker.maxLength(block.text, L.markdownText, `${at}/text`);
    case 'rich_text':
      if (!Array.isArray(block.elements)) checker.fail(`${at}/elements`, 'must be an array');
      return;
    case 'divider': case 'video': case 'file': return;
    default: checker.fail(`${at}/type`, `unknown block type ${JSON.stringify(block.type)}`);
  }
}

function checkSection(checker: BlockKitChecker, block: Json, at: string): void {
  if (block.text === undefined && block.fields === undefined) {
    checker.fail(at, 'must provide either text or fields');
  }
  checker.optionalText(block.text, `${at}/text`, L.sectionText);
  if (block.fields !== undefined) {
    checkList(checker, block.fields, `${at}/fields`, L.sectionFields, (f, p) => checker.text(f, p, L.fieldText));
  }
  if (block.accessory !== undefined) checker.element(block.accessory, `${at}/accessory`);
}

function checkInput(checker: BlockKitChecker, block: Json, at: string): void {
  if (block.label === undefined) checker.fail(`${at}/label`, 'missing required field: label');
  else checker.text(block.label, `${at}/label`, L.inputLabel, true);
  checker.optionalText(block.hint, `${at}/hint`, L.inputHint, true);
  if (block.element === undefined) checker.fail(`${at}/element`, 'missing required field: element');
  else checker.element(block.element, `${at}/element`);
}

function checkList(
  checker: BlockKitChecker,
  list: unknown,
  pointer: string,
  max: number,
  each: (item: unknown, pointer: string) => void,
): void {
  if (!Array.isArray(list) || list.length === 0) return checker.fail(pointer, 'must be a non-empty array');
  checker.maxItems(list, max, pointer);
  list.forEach((item: unknown, i) => each(item, `${pointer}/${i}`));
}
