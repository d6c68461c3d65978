import { useEffect, useRef } from 'react';

/** A `<dialog>` ref shown modally once mounted (Escape and the close button call `onClose`). */
export function useModal(): React.RefObject<HTMLDialogElement | null> {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  return dialog;
}
