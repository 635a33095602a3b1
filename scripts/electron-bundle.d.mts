import type { BuildOptions } from 'esbuild';

export declare const electronBundleOptions: BuildOptions;
