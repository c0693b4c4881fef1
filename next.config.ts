import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // A bench can build beside the usual .next without disturbing a running app or test build.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  serverExternalPackages: ['mysql2'],
  poweredByHeader: false,
};

export default nextConfig;
