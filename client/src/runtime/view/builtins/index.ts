// The built-in components by their rendered tag name. Tags not listed (view, text, block-level HTML
// tags and the like) are plain elements styled by base.css.
import type { Builtin } from './builtin';
import { checkbox, choiceGroup, radio, switchBuiltin } from './choice';
import { button, form, formFields, label, navigator } from './form';
import { image } from './image';
import { icon, progress } from './indicators';
import { actionSheet, loading, modal, toast } from './legacy-feedback';
import { movableArea, movableView } from './movable';
import { audio, canvas, placeholder, video } from './native';
import { picker } from './picker';
import { pickerView, pickerViewColumn } from './picker-view';
import { richText } from './rich-text';
import { scrollView } from './scroll-view';
import { slider, sliderValue } from './slider';
import { swiper } from './swiper';
import { input, textarea } from './text-field';

export const builtins = new Map<string, Builtin>([
  ['wx-input', input],
  ['wx-textarea', textarea],
  ['wx-switch', switchBuiltin],
  ['wx-checkbox', checkbox],
  ['wx-radio', radio],
  ['wx-checkbox-group', choiceGroup],
  ['wx-radio-group', choiceGroup],
  ['wx-form', form],
  ['wx-button', button],
  ['wx-label', label],
  ['wx-navigator', navigator],
  ['wx-image', image],
  ['wx-cover-image', image],
  ['wx-scroll-view', scrollView],
  ['wx-swiper', swiper],
  ['wx-movable-area', movableArea],
  ['wx-movable-view', movableView],
  ['wx-progress', progress],
  ['wx-icon', icon],
  ['wx-slider', { ...slider, value: sliderValue }],
  ['wx-picker', picker],
  ['wx-picker-view', pickerView],
  ['wx-picker-view-column', pickerViewColumn],
  ['wx-rich-text', richText],
  ['wx-video', video],
  ['wx-audio', audio],
  ['wx-canvas', canvas],
  ['wx-modal', modal],
  ['wx-toast', toast],
  ['wx-loading', loading],
  ['wx-action-sheet', actionSheet],
  ['wx-map', placeholder('Map')],
  ['wx-camera', placeholder('Camera')],
  ['wx-live-player', placeholder('Live video')],
  ['wx-live-pusher', placeholder('Live streaming')],
  ['wx-web-view', placeholder('Web view')],
  ['wx-ad', placeholder('Ad')],
  ['wx-official-account', placeholder('Official account')],
]);

for (const tag of ['wx-input', 'wx-textarea', 'wx-switch', 'wx-checkbox-group', 'wx-radio-group', 'wx-slider', 'wx-picker']) {
  const builtin = builtins.get(tag);
  if (builtin) {
    formFields.set(tag, builtin);
  }
}
