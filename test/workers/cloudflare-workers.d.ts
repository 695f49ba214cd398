/** The part of workerd's `cloudflare:workers` module the tests use. */
declare module 'cloudflare:workers' {
  export const env: Cloudflare.Env;
}
