import type { en } from '../en';

const STEP_NAMES = ['输入', '卷积', '批量归一化', 'ReLU', '最大池化'];

export const encoderStageStepper: (typeof en)['encoderStageStepper'] = {
  player: '编码器阶段的步骤',
  channel: '通道',
  patchColumn: '小块所在列',
  patchRow: '小块所在行',
  stepNames: STEP_NAMES,
  mapTitle: (step, channel) => (step === 0 ? '输入图像' : `通道 ${channel}，${STEP_NAMES[step]}之后`),
  mapLabel: (title, height, width, x, y) => `${title}（${height} × ${width}）；方框标出第 ${x} 列、第 ${y} 行处的 8 × 8 小块`,
  patchTitle: (step) => (step === 0 ? '小块（彩色）' : step === 4 ? 'ReLU 之后的小块，标出最大值' : `${STEP_NAMES[step]}之后的小块`),
  patchLabel: (title) => `${title}：指向一个格子，或聚焦后用方向键移动，即可读出它在这一阶段中的数值`,
  pooledTitle: '池化后的小块',
  input: (height, width, channel) =>
    `第 0 步（共 4 步）：输入图像，${height} × ${width} 个像素，三个颜色通道。编码器第一阶段把它变成 64 张特征图；这里跟踪通道 ${channel}。`,
  conv: (channel, min, max, mean) =>
    `第 1 步（共 4 步）：在三个颜色通道上做 7 × 7 卷积（147 个权重加一个偏置），得到批量归一化之前的通道 ${channel}：数值从 ${min} 到 ${max}，均值 ${mean}。`,
  bn: (scale, shift, negative, low, high) =>
    `第 2 步（共 4 步）：批量归一化使用训练中学到的统计量和缩放，把每个值乘以 ${scale} 再加上 ${shift}。现在特征图中有 ${negative}% 的值为负。` +
    `（小格里的数保留两位小数：第 1 步显示为 0 的值其实在 ±0.005 之内，所以在这里会变成 ${low} 到 ${high} 之间的某个数。）`,
  relu: (zero) => `第 3 步（共 4 步）：ReLU 把所有负值置为 0，于是特征图中有 ${zero}% 的值变成 0；其余的值原样通过。`,
  pool: (height, width, allZero) =>
    `第 4 步（共 4 步）：2 × 2 最大池化在每 4 个值中只保留 1 个（${height} × ${width} 变成 ${height / 2} × ${width / 2}），并记下它的位置。` +
    `有 ${allZero}% 的窗口四个值都是 0：保留下来的值是 0，四个值并列，索引记为左上。`,
  probeHint: '指向小块中的一个格子，或聚焦小块后用方向键移动，跟踪一个像素走完这一阶段。',
  probe: (row, col, parts) => `像素（第 ${row} 行，第 ${col} 列）：${parts.join('；')}。`,
  probeInput: (r, g, b) => `输入 R ${r}、G ${g}、B ${b}`,
  probeValue: (step, value) => `${step}后 ${value}`,
  probeKept: (value) => `池化保留了它，它是所在窗口的最大值（${value}）`,
  probeDropped: (value) => `池化丢掉了它：所在窗口保留的是 ${value}`,
  waiting: '网络在这一帧上运行之后，这里会显示这一阶段（见下方）。',
  running: '正在这一帧上运行网络……',
  failed: (error) => `网络运行失败：${error}`,
};
