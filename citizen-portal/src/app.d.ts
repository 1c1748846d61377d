declare global {
  namespace App {
    interface Locals {
      token: string | null;
      user: { id: string; kind: 'citizen' | 'agent'; email: string; name: string; tenant: string; roles: { serviceId: string; role: string }[] } | null;
    }
  }
}
export {};
