/** The lessons on offer, in teaching order, with the progress kept in this browser; and lesson files. */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { openFile } from '../../io/files.ts';
import { bundledLessons } from './lessons.ts';
import { openBundledLesson } from './openLesson.ts';
import { SaveStep } from './SaveStep.tsx';
import { useLearn } from './useLearn.ts';

export function LessonList() {
  const { t } = useTranslation();
  const progress = useLearn((s) => s.progress);
  const file = useRef<HTMLInputElement>(null);
  return (
    <div className="learn-list">
      <h2>{t('learn.list.title')}</h2>
      <p className="small muted">{t('learn.list.intro')}</p>
      <ol className="learn-lessons">
        {bundledLessons.map((l) => {
          const p = progress[l.id];
          return (
            <li key={l.id}>
              <button type="button" className="learn-lesson" onClick={() => void openBundledLesson(l.id, p?.step ?? 0)}>
                <span className="learn-lesson__title">{l.title}</span>
                {p && <span className="learn-lesson__progress small muted">{t('learn.list.progress', { count: p.passed.length, step: p.step + 1 })}</span>}
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" className="learn-btn" onClick={() => file.current?.click()}>
        {t('learn.list.openFile')}
      </button>
      <input
        ref={file}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label={t('learn.list.openFileLabel')}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void openFile(f);
        }}
      />
      <SaveStep />
    </div>
  );
}
