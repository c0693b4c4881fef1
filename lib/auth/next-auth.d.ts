import 'next-auth';
import 'next-auth/jwt';

declare module 'next-auth' {
  interface User {
    username: string;
    isAdministrator: boolean;
  }
  interface Session {
    user: { id: number; username: string; isAdministrator: boolean; name?: string | null; email?: string | null };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    userId: number;
    username: string;
    isAdministrator: boolean;
  }
}
