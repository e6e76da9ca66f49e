declare module "tiny-osmpbf" { const parse: (bytes: Uint8Array, handler?: (e: any) => void) => unknown; export default parse; }
