import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Toast {
  readonly id: number;
  readonly kind: 'success' | 'error';
  readonly text: string;
}

const ToastContext = createContext<((kind: Toast['kind'], text: string) => void) | undefined>(undefined);
let nextId = 1;

/** Short confirmations and failures, announced to screen readers (role=status / alert). */
export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = (id: number) => setToasts((all) => all.filter((x) => x.id !== id));
  const show = useCallback((kind: Toast['kind'], text: string) => {
    const id = nextId++;
    setToasts((all) => [...all, { id, kind, text }]);
    if (kind === 'success') setTimeout(() => dismiss(id), 6000);
  }, []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="toasts" aria-live="polite">
        {toasts.map((toast) => (
          <div
            key={toast.id}
            className={`toast toast-${toast.kind}`}
            role={toast.kind === 'error' ? 'alert' : 'status'}
          >
            <span>{toast.text}</span>
            <button type="button" onClick={() => dismiss(toast.id)} aria-label={t('kit.dismiss')}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): (kind: Toast['kind'], text: string) => void {
  const show = useContext(ToastContext);
  if (!show) throw new Error('useToast outside ToastProvider');
  return show;
}
