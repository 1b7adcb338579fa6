// pngjs ships no types; only its synchronous reader (and, in the fixture recipes, writer) is used.
declare module 'pngjs' {
  interface Image {
    width: number;
    height: number;
    data: Uint8Array;
  }
  export const PNG: {
    sync: {
      read(buffer: Buffer): Image;
      write(image: Image, options?: { colorType?: number; inputColorType?: number; inputHasAlpha?: boolean }): Buffer;
    };
  };
}
