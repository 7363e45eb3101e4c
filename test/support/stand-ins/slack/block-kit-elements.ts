/**
 * Checks of Block Kit composition objects and interactive elements against Slack's published limits.
 * Pure: collects violations, never throws. `block-kit-limits.ts` walks blocks and surfaces with it.
 */
export interface BlockKitViolation {
  /** JSON pointer into the payload, as Slack reports it: `/blocks/0/text/text`. */
  pointer: string;
  message: string;
}

export const BLOCK_KIT_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  messageText: 40_000,
  textObject: 3000,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  url: 3000,
  placeholder: 150,
  options: 100,
  checkboxOptions: 10,
  radioOptions: 10,
  overflowOptionsMin: 2,
  overflowOptionsMax: 5,
  optionText: 75,
  optionDescription: 75,
  optionValue: 150,
  altText: 2000,
  inputLabel: 2000,
  inputHint: 2000,
  textInputMaxLength: 3000,
  modalTitle: 24,
  modalButton: 24,
  callbackId: 255,
  privateMetadata: 3000,
  externalId: 255,
  markdownText: 12_000,
  /** views.*: "view_too_large: ... greater than 250kb"; read as 250,000 bytes, the stricter reading. */
  viewBytes: 250_000,
} as const;

export const TEXT_OBJECT_TYPES = ['plain_text', 'mrkdwn'] as const;

export const ELEMENT_TYPES = [
  'button', 'checkboxes', 'radio_buttons', 'overflow', 'image', 'datepicker', 'timepicker', 'datetimepicker',
  'plain_text_input', 'email_text_input', 'url_text_input', 'number_input', 'rich_text_input', 'file_input',
  'static_select', 'external_select', 'users_select', 'conversations_select', 'channels_select',
  'multi_static_select', 'multi_external_select', 'multi_users_select', 'multi_conversations_select',
  'multi_channels_select', 'workflow_button',
] as const;

interface OptionRule {
  min: number;
  max: number;
  /** Checkboxes and radio buttons may use mrkdwn in option text and description; menus only plain_text. */
  mrkdwn: boolean;
  initial?: 'initial_option' | 'initial_options';
  /** Select menus may give `option_groups` instead of `options`. */
  groups?: boolean;
}

const L = BLOCK_KIT_LIMITS;
/** Per element, from each element's page in Slack's Block Kit reference. */
const OPTION_RULES: Readonly<Record<string, OptionRule>> = {
  static_select: { min: 1, max: L.options, mrkdwn: false, initial: 'initial_option', groups: true },
  multi_static_select: { min: 1, max: L.options, mrkdwn: false, initial: 'initial_options', groups: true },
  checkboxes: { min: 1, max: L.checkboxOptions, mrkdwn: true, initial: 'initial_options' },
  radio_buttons: { min: 1, max: L.radioOptions, mrkdwn: true, initial: 'initial_option' },
  overflow: { min: L.overflowOptionsMin, max: L.overflowOptionsMax, mrkdwn: false },
};

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Collects violations while walking one payload. */
export class BlockKitChecker {
  readonly violations: BlockKitViolation[] = [];

  fail(pointer: string, message: string): void {
    this.violations.push({ pointer, message });
  }

  maxLength(value: unknown, max: number, pointer: string): void {
    if (typeof value === 'string' && value.length > max) this.fail(pointer, `must be less than ${max + 1} characters`);
  }

  maxItems(value: readonly unknown[], max: number, pointer: string): void {
    if (value.length > max) this.fail(pointer, `must be less than ${max + 1} items`);
  }

  /** A text object: `{type: plain_text|mrkdwn, text}` with non-empty text of at most `max` characters. */
  text(value: unknown, pointer: string, max: number, plainOnly = false): void {
    if (!isObject(value)) return this.fail(pointer, 'must be a text object');
    const allowed: readonly string[] = plainOnly ? ['plain_text'] : TEXT_OBJECT_TYPES;
    if (typeof value.type !== 'string' || !allowed.includes(value.type)) {
      return this.fail(`${pointer}/type`, `must be one of: ${allowed.join(', ')}`);
    }
    if (typeof value.text !== 'string') return this.fail(`${pointer}/text`, 'must be a string');
    if (value.text.length === 0) return this.fail(`${pointer}/text`, 'must be more than 0 characters');
    this.maxLength(value.text, max, `${pointer}/text`);
  }

  optionalText(value: unknown, pointer: string, max: number, plainOnly = false): void {
    if (value !== undefined) this.text(value, pointer, max, plainOnly);
  }

  /** An interactive or image element, as found in actions, section accessories, inputs and contexts. */
  element(value: unknown, pointer: string): void {
    if (!isObject(value)) return this.fail(pointer, 'must be an element object');
    const type = value.type;
    if (typeof type !== 'string' || !(ELEMENT_TYPES as readonly string[]).includes(type)) {
      return this.fail(`${pointer}/type`, `unknown element type ${JSON.stringify(type)}`);
    }
    this.maxLength(value.action_id, BLOCK_KIT_LIMITS.actionId, `${pointer}/action_id`);
    this.optionalText(value.placeholder, `${pointer}/placeholder`, BLOCK_KIT_LIMITS.placeholder, true);
    if (type === 'button' || type === 'workflow_button') this.button(value, pointer);
    if (type === 'image') this.image(value, pointer);
    if (type === 'plain_text_input') this.textInput(value, pointer);
    const rule = OPTION_RULES[type];
    if (rule) this.optionList(value, pointer, rule);
  }

  private button(value: Json, pointer: string): void {
    this.text(value.text, `${pointer}/text`, BLOCK_KIT_LIMITS.buttonText, true);
    this.maxLength(value.value, BLOCK_KIT_LIMITS.buttonValue, `${pointer}/value`);
    this.maxLength(value.url, BLOCK_KIT_LIMITS.url, `${pointer}/url`);
    if (value.style !== undefined && value.style !== 'primary' && value.style !== 'danger') {
      this.fail(`${pointer}/style`, 'must be one of: primary, danger');
    }
  }

  image(value: Json, pointer: string): void {
    if (typeof value.image_url !== 'string' && !isObject(value.slack_file)) {
      this.fail(`${pointer}/image_url`, 'missing required field: image_url');
    }
    this.maxLength(value.image_url, BLOCK_KIT_LIMITS.url, `${pointer}/image_url`);
    if (typeof value.alt_text !== 'string' || value.alt_text.length === 0) {
      return this.fail(`${pointer}/alt_text`, 'must be more than 0 characters');
    }
    this.maxLength(value.alt_text, BLOCK_KIT_LIMITS.altText, `${pointer}/alt_text`);
  }

  private textInput(value: Json, pointer: string): void {
    const max = value.max_length;
    if (typeof max === 'number' && (max < 1 || max > BLOCK_KIT_LIMITS.textInputMaxLength)) {
      this.fail(`${pointer}/max_length`, `must be between 1 and ${BLOCK_KIT_LIMITS.textInputMaxLength}`);
    }
  }

  private optionList(element: Json, pointer: string, rule: OptionRule): void {
    const list = element.options;
    if (list === undefined && rule.groups && element.option_groups !== undefined) return;
    const at = `${pointer}/options`;
    if (!Array.isArray(list) || list.length === 0) return this.fail(at, 'must be a non-empty array');
    if (list.length < rule.min) this.fail(at, `must have at least ${rule.min} items`);
    this.maxItems(list, rule.max, at);
    list.forEach((option: unknown, i) => this.option(option, `${at}/${i}`, rule));
    if (rule.initial) this.initialAmong(element, pointer, rule.initial, list);
  }

  private option(option: unknown, at: string, rule: OptionRule): void {
    if (!isObject(option)) return this.fail(at, 'must be an option object');
    this.text(option.text, `${at}/text`, BLOCK_KIT_LIMITS.optionText, !rule.mrkdwn);
    this.optionalText(option.description, `${at}/description`, BLOCK_KIT_LIMITS.optionDescription, !rule.mrkdwn);
    if (typeof option.value !== 'string' || option.value.length === 0) {
      return this.fail(`${at}/value`, 'must be more than 0 characters');
    }
    this.maxLength(option.value, BLOCK_KIT_LIMITS.optionValue, `${at}/value`);
  }

  /** `initial_option(s)` must each be exactly one of the element's options. */
  private initialAmong(element: Json, pointer: string, field: 'initial_option' | 'initial_options', options: unknown[]): void {
    const given = element[field];
    if (given === undefined) return;
    const initial = field === 'initial_option' ? [given] : given;
    if (!Array.isArray(initial)) return this.fail(`${pointer}/${field}`, 'must be an array');
    const known = new Set(options.map(optionKey));
    initial.forEach((option: unknown, i) => {
      const at = field === 'initial_option' ? `${pointer}/${field}` : `${pointer}/${field}/${i}`;
      if (!known.has(optionKey(option))) this.fail(at, 'must match one of the provided options');
    });
  }
}

/** What makes two options the same option: their text object and value. */
function optionKey(option: unknown): string {
  if (!isObject(option)) return JSON.stringify(option);
  const text = isObject(option.text) ? { type: option.text.type, text: option.text.text } : option.text;
  return JSON.stringify([text, option.value]);
}
