import { useEffect, useRef, useState, type ButtonHTMLAttributes, type KeyboardEvent, type ReactNode } from 'react';

type ButtonProps = Omit<
  ButtonHTMLAttributes<HTMLButtonElement>,
  'type' | 'onClick' | 'onKeyDown' | 'aria-haspopup' | 'aria-expanded' | 'aria-controls'
>;

interface Props {
  /** The menu element's id, for the button's aria-controls. */
  id: string;
  /** The menu's accessible name. */
  label: string;
  /** What the button shows. */
  button: ReactNode;
  buttonProps?: ButtonProps;
  className?: string;
  menuClassName?: string;
  /** Which edge of the button the menu lines up with. */
  align?: 'start' | 'end';
  /**
   * The items: buttons with role="menuitem", which close the menu once clicked and give the focus
   * back to the menu button, or role="menuitemcheckbox", which keep it open.
   */
  children: ReactNode;
}

/**
 * A menu button: click or ArrowDown opens it with the focus on the first item; ArrowUp, ArrowDown,
 * Home and End move; Enter or Space activates; Escape closes and gives the focus back to the button;
 * Tab or a click elsewhere closes it. An item's own click handler runs before the menu closes.
 */
export function Menu({ id, label, button, buttonProps, className, menuClassName, align = 'end', children }: Props) {
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  const items = () =>
    Array.from(menu.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]:not(:disabled)') ?? []);

  useEffect(() => {
    if (!open) return;
    // with every item disabled the menu itself takes the focus, for Escape
    (items()[0] ?? menu.current)?.focus();
    const away = (e: PointerEvent) => {
      if (!wrap.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  const close = () => {
    setOpen(false);
    trigger.current?.focus();
  };

  const onMenuKey = (e: KeyboardEvent) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const move = (i: number) => list[(i + list.length) % list.length]?.focus();
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(list.length - 1);
    else if (e.key === 'Escape') close();
    else if (e.key === 'Tab') setOpen(false);
    else return;
    if (e.key !== 'Tab') e.preventDefault();
  };

  return (
    <div className={className ? `pc-menu ${className}` : 'pc-menu'} ref={wrap}>
      <button
        {...buttonProps}
        ref={trigger}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          } else if (e.key === 'Escape' && open) {
            e.preventDefault();
            setOpen(false);
          }
        }}
      >
        {button}
        <svg className="pc-menu__caret" viewBox="0 0 10 10" width="10" height="10" aria-hidden="true">
          <path d="M2 3.5 5 6.5 8 3.5" />
        </svg>
      </button>
      {open ? (
        <div
          ref={menu}
          id={id}
          className={`pc-menu__list pc-menu__list--${align}${menuClassName ? ` ${menuClassName}` : ''}`}
          role="menu"
          aria-label={label}
          tabIndex={-1}
          onKeyDown={onMenuKey}
          onClick={(e) => {
            if ((e.target as Element).closest('[role="menuitem"]')) close();
          }}
        >
          {children}
        </div>
      ) : null}
    </div>
  );
}
