/**
 * Photos from the camera or the album, kept in the browser until the phone is verified (uploads
 * need a session), then uploaded in one go by the submit page.
 */
import { Toast } from 'antd-mobile';
import { useEffect, useId, useRef } from 'react';
import { LIMITS } from '../../../shared/domain';

export interface PickedPhoto {
  key: string;
  file: File;
  url: string;
}

let photoSeq = 0;

/** Two real file inputs (拍照 opens the camera, 相册 the gallery) and thumbnails that can be removed. */
export function PhotoPicker({ value, onChange }: { value: PickedPhoto[]; onChange: (photos: PickedPhoto[]) => void }) {
  const id = useId();
  const latest = useRef(value);
  latest.current = value;
  // Release preview URLs when the page goes away.
  useEffect(() => () => latest.current.forEach((p) => URL.revokeObjectURL(p.url)), []);

  const add = (files: FileList | null) => {
    if (!files) return;
    const next = [...value];
    for (const file of Array.from(files)) {
      if (next.length >= LIMITS.attachmentsMax) {
        Toast.show({ content: `最多上传${LIMITS.attachmentsMax}张照片` });
        break;
      }
      if (!file.type.startsWith('image/')) {
        Toast.show({ content: `${file.name} 不是图片` });
        continue;
      }
      if (file.size > LIMITS.attachmentBytesMax) {
        Toast.show({ content: `${file.name} 超过10MB` });
        continue;
      }
      photoSeq += 1;
      next.push({ key: `p${photoSeq}`, file, url: URL.createObjectURL(file) });
    }
    onChange(next);
  };

  const remove = (key: string) => {
    const gone = value.find((p) => p.key === key);
    if (gone) URL.revokeObjectURL(gone.url);
    onChange(value.filter((p) => p.key !== key));
  };

  return (
    <div className="ms-photos">
      <ul className="ms-photos__list" aria-label="已选照片">
        {value.map((p, i) => (
          <li key={p.key} className="ms-photos__item">
            <img src={p.url} alt={`照片${i + 1}`} />
            <button type="button" className="ms-photos__remove" aria-label={`删除照片${i + 1}`} onClick={() => remove(p.key)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      {value.length < LIMITS.attachmentsMax && (
        <div className="ms-photos__pick">
          <input
            id={`${id}-camera`}
            className="visually-hidden"
            type="file"
            accept="image/*"
            capture="environment"
            onChange={(e) => {
              add(e.target.files);
              e.target.value = '';
            }}
          />
          <label htmlFor={`${id}-camera`} className="ms-photos__button">
            拍照
          </label>
          <input
            id={`${id}-album`}
            data-testid="photo-album"
            className="visually-hidden"
            type="file"
            accept="image/*"
            multiple
            onChange={(e) => {
              add(e.target.files);
              e.target.value = '';
            }}
          />
          <label htmlFor={`${id}-album`} className="ms-photos__button">
            从相册选择
          </label>
        </div>
      )}
      <div className="ms-hint">最多{LIMITS.attachmentsMax}张，照片不会在回音壁公开</div>
    </div>
  );
}
