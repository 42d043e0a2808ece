import { createContext, useContext } from 'react';

/** Which service this console belongs to, for messages such as "the registry service cannot be reached". */
export interface ConsoleInfo {
  readonly serviceName: string;
}

export const ConsoleContext = createContext<ConsoleInfo>({ serviceName: '' });
export const useConsole = (): ConsoleInfo => useContext(ConsoleContext);
