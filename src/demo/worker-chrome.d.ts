// The few `chrome.*` calls the demo and the browser tests run inside the extension's worker (via worker.evaluate).
declare const chrome: {
  tabs: {
    query(q: { url?: string }): Promise<Array<{ id?: number; windowId: number }>>;
    create(p: { windowId?: number; url?: string; active?: boolean }): Promise<{ id?: number }>;
    update(tabId: number, p: { active?: boolean }): Promise<unknown>;
  };
  action: { getBadgeText(d: { tabId: number }): Promise<string>; getTitle(d: { tabId: number }): Promise<string> };
  storage: {
    session: {
      get(key: string): Promise<Record<string, unknown>>;
      onChanged: { addListener(listener: (changes: Record<string, { newValue?: unknown }>) => void): void };
    };
  };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  notifications: {
    getAll(): Promise<Record<string, boolean>>;
    create(id: string, options: { title: string; message: string; [more: string]: unknown }, ...callback: unknown[]): Promise<string>;
  };
  alarms: {
    create(name: string, info: { when?: number; delayInMinutes?: number; periodInMinutes?: number }): Promise<void>;
    get(name: string): Promise<{ name: string; scheduledTime: number; periodInMinutes?: number } | undefined>;
  };
};
