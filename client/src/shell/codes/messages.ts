import { messages } from '../i18n';

export const t = messages(
  {
    scanTitle: 'Scan',
    pick: 'Pick an image',
    cancel: 'Cancel',
    pointCamera: 'Point the camera at a QR code.',
    noCamera: 'The camera is not available here. Pick an image of a QR code instead.',
    notFound: 'No QR code was found in this image.',
    notCapsule: 'This is not a Capsule code',
    refused: 'This code cannot be opened',
    myCode: 'My QR code',
    myCodeHint: 'Scan it in Capsule to add me as a contact.',
    programCode: 'QR code of {name}',
  },
  {
    scanTitle: '扫一扫',
    pick: '从相册选择',
    cancel: '取消',
    pointCamera: '将二维码放入框内。',
    noCamera: '这里无法使用相机，请选择一张二维码图片。',
    notFound: '图片中没有找到二维码。',
    notCapsule: '这不是 Capsule 码',
    refused: '无法打开此码',
    myCode: '我的二维码',
    myCodeHint: '用 Capsule 扫一扫，加我为联系人。',
    programCode: '{name}的小程序码',
  },
);
