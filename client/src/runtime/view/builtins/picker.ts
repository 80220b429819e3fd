// <picker>: tapping its content opens the picker sheet with the wheels of its mode. Confirm raises
// change with WeChat's detail (value; and code for region), Cancel or a tap outside raises cancel, and a
// multiSelector raises columnchange as each wheel comes to rest, so the program can relink the columns.
// The picker keeps the value the user confirmed until the program gives it another.
import { attributesOf, flag, remember, shadow, text, type Attributes, type Builtin, type BuiltinContext } from './builtin';
import { pickerMode, type PickerMode } from './picker-modes';
import { PickerSheet } from './picker-sheet';

const CSS = ':host{display:block;cursor:pointer}';

interface Open {
  sheet: PickerSheet;
  mode: PickerMode;
  /** The value attribute when the sheet opened or was last refreshed. */
  given: string;
}

const opened = new WeakMap<HTMLElement, Open>();
const opening = new WeakSet<HTMLElement>();
/** The value the user confirmed, and the value attribute it replaced. */
const confirmed = new WeakMap<HTMLElement, { value: unknown; over: string }>();

const given = (attributes: Attributes) => JSON.stringify(attributes['value'] ?? null);

function currentValue(element: HTMLElement): unknown {
  const attributes = attributesOf(element);
  const mine = confirmed.get(element);
  return mine && mine.over === given(attributes) ? mine.value : attributes['value'];
}

async function open(element: HTMLElement, context: BuiltinContext): Promise<void> {
  const attributes = attributesOf(element);
  if (flag(attributes['disabled']) || opened.has(element) || opening.has(element)) {
    return;
  }
  opening.add(element);
  const mode = await pickerMode(attributes, currentValue(element)).finally(() => opening.delete(element));
  const close = () => {
    opened.get(element)?.sheet.close();
    opened.delete(element);
  };
  const sheet = new PickerSheet(text(attributes['headerText']), {
    settle: (column, index) => {
      const state = opened.get(element);
      if (!state) {
        return;
      }
      state.mode.pick(column, index);
      state.sheet.show(state.mode);
      if (text(attributesOf(element)['mode']) === 'multiSelector') {
        context.fire(element, 'columnchange', { column, value: index });
      }
    },
    confirm: () => {
      const state = opened.get(element);
      close();
      if (state) {
        const detail = state.mode.detail();
        confirmed.set(element, { value: detail['value'], over: given(attributesOf(element)) });
        context.model(element, 'value', detail['value']);
        context.fire(element, 'change', detail);
      }
    },
    cancel: () => {
      close();
      context.fire(element, 'cancel', {});
    },
  });
  opened.set(element, { sheet, mode, given: given(attributes) });
  sheet.show(mode);
}

/** New attributes while the sheet is open (a multiSelector relinking its columns): show them. */
async function refresh(element: HTMLElement, attributes: Attributes): Promise<void> {
  const state = opened.get(element);
  if (!state) {
    return;
  }
  const value = given(attributes) !== state.given ? attributes['value'] : state.mode.detail()['value'];
  state.given = given(attributes);
  const mode = await pickerMode(attributes, value);
  if (opened.get(element) === state) {
    state.mode = mode;
    state.sheet.show(mode);
  }
}

export const picker: Builtin = {
  create(element, context) {
    shadow(element, CSS).appendChild(document.createElement('slot'));
    element.addEventListener('click', () => void open(element, context));
  },
  update(element, attributes: Attributes) {
    remember(element, attributes);
    void refresh(element, attributes);
  },
  value(element) {
    const value = currentValue(element);
    return value === undefined && text(attributesOf(element)['mode'], 'selector') === 'selector' ? 0 : value;
  },
  reset(element) {
    confirmed.delete(element);
  },
};
