// @ts-check
// The build's file names and figures.  This file is only the shape and the
// values for type checking: guide/shared_assets.py writes the real module
// (same exports) next to the built scripts, so nothing is string-replaced.

/**
 * @typedef {object} Config
 * @property {string} pyodide  Pyodide's folder (with the trailing slash)
 * @property {string} stdlib   the trimmed standard-library zip (start-up and the boxes)
 * @property {string} stdlibExtra  the rest the checker may import (the list page), fetched when used
 * @property {number} extraBytes   it and lists as served (gzip): the list page adds it to downloadBytes
 * @property {string} app      the checker's zip (with guia_bridge): what the boxes load
 * @property {string} lists    the checker's modules a CSV list adds, fetched with stdlibExtra
 * @property {string} excel    what an Excel list adds (the .xlsx reader, its stdlib), fetched when one is chosen
 * @property {Record<string, string>} postal  postal data file name -> URL
 * @property {object} lock     the inline Pyodide lock file (no package)
 * @property {Record<string, string>} xz  plain file -> its .xz copy, fetched instead on a first use
 * @property {string} decoder  the xz decoder (npm's xzwasm, a UMD script setting self.xzwasm)
 * @property {number} progressBytes  bytes the worker counts while downloading (.xz files as they are)
 * @property {number} downloadBytes  bytes sent on the first use (gzip, as served): the figure the boxes announce
 * @property {string} build    hash of everything a memory snapshot depends on
 * @property {string} sw       the Service Worker script
 * All URLs are relative to this module.
 */

/** @type {Config} */
const CONFIG = {
  pyodide: "../pyodide/",
  stdlib: "../stdlib.zip",
  stdlibExtra: "../stdlib-extra.zip",
  extraBytes: 0,
  app: "../checker.zip",
  lists: "../lists.zip",
  excel: "../excel.zip",
  postal: {},
  lock: { info: {}, packages: {} },
  xz: {},
  decoder: "../xzwasm.js",
  progressBytes: 0,
  downloadBytes: 0,
  build: "dev",
  sw: "../../sw.js",
};

export default CONFIG;
