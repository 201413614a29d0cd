// @ts-check
// Every Spanish sentence the scripts show (the page's own text is in
// guide/widgets.py).  Logic lives in the other modules.

/** @typedef {"curp" | "nss" | "cp"} Kind */

/** @type {Record<Kind, string>} */
const KIND_NAMES = { curp: "tu CURP", nss: "tu NSS", cp: "tu código postal" };

/** @param {number | null} percent */
const pct = (percent) => (percent != null ? ` (${percent} %)` : "");

/** "unos 4.5 MB" (es-MX writes the decimal point). @param {number} bytes */
export function megabytes(bytes) {
  const mb = bytes / 1e6;
  return `unos ${mb >= 10 ? Math.round(mb) : mb.toFixed(1)} MB`;
}

export const TEXT = {
  /** @param {number | null} percent */
  loading: (percent) => `Preparando la revisión en tu teléfono${pct(percent)}…`,
  /** @param {string} kind @param {number | null} percent */
  loadingTyped: (kind, percent) =>
    `Preparando la revisión${pct(percent)}; revisaré ${KIND_NAMES[/** @type {Kind} */ (kind)] || "el dato"} en cuanto esté lista.`,
  starting: "Casi listo: iniciando la revisión…",
  /** Shown before the first download, beside the box. @param {number} bytes @param {boolean} [file] the list page */
  download: (bytes, file) =>
    `Para revisar en tu ${file ? "computadora" : "teléfono"} se descargan ${megabytes(bytes)} ` +
    `${file ? "al elegir tu archivo" : "al empezar a escribir"}. Es solo la primera vez: después funciona sin conexión.`,
  /** @type {Record<string, string>} */
  ready: {
    curp: "Listo. Escribe tu CURP (18 caracteres): aquí verás si está bien escrita.",
    nss: "Listo. Escribe tu NSS (11 dígitos): aquí verás si está bien escrito.",
    cp: "Listo. Escribe tu código postal (5 dígitos): aquí verás a qué lugar corresponde.",
    batch: "Listo. Elige el archivo de tu lista (Excel o CSV).",
  },
  /** @type {Record<string, string>} */
  fallback: {
    nowasm: "Tu navegador no puede ejecutar la revisión en el teléfono (le falta WebAssembly). Puedes revisar tu dato en las páginas oficiales de abajo.",
    failed: "No pude preparar la revisión (falló la descarga o el navegador la detuvo). Revisa tu conexión y recarga la página, o consulta las páginas oficiales de abajo.",
    stalled: "La revisión está tardando demasiado en prepararse. Revisa tu conexión y recarga la página, o consulta las páginas oficiales de abajo.",
    broken: "Este recuadro no pudo iniciar. Consulta las páginas oficiales de abajo.",
  },
  checkerError: "No pude revisar este dato por un error interno. Consulta las páginas oficiales de abajo.",
  compare: {
    noCurp: "Primero escribe tu CURP en el recuadro de arriba.",
    noFields: "Llena al menos uno de tus datos para compararlo.",
    busy: "Comparando…",
    same: "Tu CURP coincide con los datos que escribiste.",
    /** @param {number} n */
    found: (n) => (n === 1 ? "Encontré 1 diferencia:" : `Encontré ${n} diferencias:`),
  },
  curp: { birth: "Fecha de nacimiento", sex: "Sexo", state: "Entidad de nacimiento" },
  cp: {
    state: "Estado",
    /** @param {number} n */
    municipality: (n) => (n > 1 ? "Municipios" : "Municipio"),
    city: "Ciudad",
    former: "Nombre anterior",
    /** @param {number} n */
    settlements: (n) => (n === 1 ? "La colonia que ofrecerá el formulario:" : `Las ${n} colonias que ofrecerá el formulario:`),
    /** @param {string} name @param {string[]} sources */
    catalogue: (name, sources) =>
      `Catálogo de códigos postales ${name}${sources.length ? ` (fuentes: ${sources.join("; ")})` : ""}.`,
    /** @param {string} date */
    catalogueDate: (date) => `Catálogo de códigos postales con fecha ${date}.`,
  },
  /** @param {number} position */
  character: (position) => `Carácter ${position}: `,
  batch: {
    /** @param {string} name */
    checking: (name) => `Revisando ${name}…`,
    download: "Descargar el reporte",
    full: "Ver el reporte completo",
    fileStem: "lista",
    // the annotated copies of the list (issue 12)
    downloadXlsx: "Descargar la lista revisada (Excel)",
    downloadCsv: "Descargar la lista revisada (CSV)",
    copyNote: "La lista revisada es tu misma lista, en el mismo orden, con dos columnas más: «Revisión» y «Detalle»; las celdas con problemas van marcadas.",
  },
};
