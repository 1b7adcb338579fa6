/** Character codes the markup scanners (HTML styles, Word properties) test for. */
export const GT = 0x3e;
export const SLASH = 0x2f;
export const EQUALS = 0x3d;
export const BANG = 0x21;
export const QUESTION = 0x3f;
export const COLON = 0x3a;
export const DQUOTE = 0x22;
export const SQUOTE = 0x27;
