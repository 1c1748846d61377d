import type { User } from '$lib/types';

declare global {
  namespace App {
    interface Locals {
      token: string | null;
      user: User | null;
    }
  }
}
export {};
