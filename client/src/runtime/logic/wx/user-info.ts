// wx.getUserInfo as WeChat answers it since April 2021: anonymous data (the nickname 微信用户 and WeChat's
// grey default avatar, marked is_demote) without asking the user. The user's own nickname and avatar reach
// a program only through wx.getUserProfile or <button open-type="getUserInfo">, after they allow it.
import type { Data } from '../../bridge/messages';
import { asyncApi } from './callback-style';

const DEFAULT_AVATAR =
  'https://thirdwx.qlogo.cn/mmopen/vi_32/POgEwh4mIHO4nibH0KlMECNjjGxQUq24ZEaGT4poC6icRiccVGKSyXwibcPq4BWmiaIGuG1icwxaQX6grC9VemZoJ8rg/132';

function anonymousUser(): Data {
  return { nickName: '微信用户', gender: 0, language: '', city: '', province: '', country: '', avatarUrl: DEFAULT_AVATAR, is_demote: true };
}

export function userInfoApis(): Data {
  return {
    getUserInfo: asyncApi('getUserInfo', () => {
      const userInfo = anonymousUser();
      return { userInfo, rawData: JSON.stringify(userInfo), signature: '', encryptedData: '', iv: '' };
    }),
  };
}
