declare module 'fontnik' {
  interface RangeOptions {
    font: Buffer;
    start: number;
    end: number;
  }
  const fontnik: {
    range(options: RangeOptions, callback: (err: Error | null, data?: Buffer) => void): void;
  };
  export default fontnik;
}
declare module 'mapshaper' {
  const mapshaper: {
    applyCommands(commands: string, input?: Record<string, unknown>): Promise<Record<string, string | Uint8Array>>;
  };
  export default mapshaper;
}
