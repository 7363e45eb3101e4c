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
  optionText: 75,
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
} as const;

export const TEXT_OBJECT_TYPES = ['plain_text', 'mrkdwn'] as const;

export const ELEMENT_TYPES = [
  'button', 'checkboxes', 'radio_buttons', 'overflow', 'image', 'datepicker', 'timepicker', 'datetimepicker',
  'plain_text_input', 'email_text_input', 'url_text_input', 'number_input', 'rich_text_input', 'file_input',
  'static_select', 'external_select', 'users_select', 'conversations_select', 'channels_select',
  'multi_static_select', 'multi_external_select', 'multi_users_select', 'multi_conversations_select',
  'multi_channels_select', 'workflow_button',
] as const;

const OPTION_LISTS = ['static_select', 'multi_static_select', 'checkboxes', 'radio_buttons', 'overflow'];

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
    if (OPTION_LISTS.includes(type)) this.options(value.options, `${pointer}/options`, type === 'static_select');
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

  private options(value: unknown, pointer: string, optional: boolean): void {
    if (value === undefined && optional) return;
    if (!Array.isArray(value) || value.length === 0) return this.fail(pointer, 'must be a non-empty array');
    this.maxItems(value, BLOCK_KIT_LIMITS.options, pointer);
    value.forEach((option: unknown, i) => {
      const at = `${pointer}/${i}`;
      if (!isObject(option)) return this.fail(at, 'must be an option object');
      this.text(option.text, `${at}/text`, BLOCK_KIT_LIMITS.optionText);
      if (typeof option.value !== 'string' || option.value.length === 0) {
        return this.fail(`${at}/value`, 'must be more than 0 characters');
      }
      this.maxLength(option.value, BLOCK_KIT_LIMITS.optionValue, `${at}/value`);
    });
  }
}
