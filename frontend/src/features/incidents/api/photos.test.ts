import { describe, expect, it } from 'vitest';
import { addPhotos, MAX_PHOTO_BYTES, photoProblem, toPhotoPayload } from './photos';

const file = (name: string, type = 'image/png', size = 1000) => ({ name, type, size });

describe('photo checks before a report is started', () => {
  it('accepts JPEG, PNG and WebP up to 2 MB', () => {
    expect(photoProblem(file('a.jpg', 'image/jpeg', MAX_PHOTO_BYTES), 0)).toBeUndefined();
    expect(photoProblem(file('a.webp', 'image/webp'), 4)).toBeUndefined();
  });

  it('names what the server would refuse', () => {
    expect(photoProblem(file('a.gif', 'image/gif'), 0)).toBe('type');
    expect(photoProblem(file('a.pdf', 'application/pdf'), 0)).toBe('type');
    expect(photoProblem(file('big.png', 'image/png', MAX_PHOTO_BYTES + 1), 0)).toBe('tooLarge');
    expect(photoProblem(file('sixth.png'), 5)).toBe('count');
  });

  it('keeps what fits when several are picked at once and refuses the rest', () => {
    const current = [file('1.png'), file('2.png'), file('3.png')];
    const { files, refused } = addPhotos(current, [file('4.png'), file('x.gif', 'image/gif'), file('5.png'), file('6.png')]);
    expect(files.map((f) => f.name)).toEqual(['1.png', '2.png', '3.png', '4.png', '5.png']);
    expect(refused.map((r) => [r.file.name, r.problem])).toEqual([
      ['x.gif', 'type'],
      ['6.png', 'count'],
    ]);
  });

  it('sends the bytes as plain base64 with name and type', async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff, 0x00]);
    const payload = await toPhotoPayload(new File([bytes], '现场.png', { type: 'image/png' }));
    expect(payload).toEqual({ fileName: '现场.png', contentType: 'image/png', base64: 'iVBOR/8A' });
  });
});
