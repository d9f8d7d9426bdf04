import { describe, expect, it } from 'vitest';
import { maskName, maskPhone, maskText } from './mask';

describe('masking', () => {
  it('masks phones and names', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0558-2345678')).toBe('0558****78');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧阳**');
  });

  it('masks phones, ID and house numbers inside text, but not metro lines or dates', () => {
    const text = '我住3栋2单元401室，电话13812345678，身份证34120119800101123X，地铁3号线12月3号停运，12号楼也一样';
    const masked = maskText(text);
    expect(masked).toContain('*栋*单元***室');
    expect(masked).toContain('138****5678');
    expect(masked).not.toContain('34120119800101123X');
    expect(masked).toContain('地铁3号线');
    expect(masked).toContain('12月3号');
    expect(masked).toContain('**号楼');
  });
});
