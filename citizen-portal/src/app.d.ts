import type { Api } from '$lib/server/api';
import type { User } from '$lib/types';

declare global {
  namespace App {
    interface Locals {
      token: string | null;
      user: User | null;
      /** API v1 client carrying the resident's token (none when anonymous). */
      api: Api;
    }
    interface Error {
      message: string;
    }
  }
}
export {};
