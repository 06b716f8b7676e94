export * from "./abi/index.js";
export * from "./addresses.js";
export * from "./client.js";
export * from "./pull.js";
export type { components, paths } from "./api.js";
