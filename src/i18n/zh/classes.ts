import type { en } from '../en';

export const classes: (typeof en)['classes'] = {
  names: ['天空', '建筑', '杆状物', '道路', '人行道', '树木', '交通标志', '围栏', '汽车', '行人', '骑车人'],
  void: '未标注',
  unknown: (label) => `类别 ${label}`,
};
