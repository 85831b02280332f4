// The attachment's name, apart from the renderer so that naming it does not load skia in the main thread.

/** Attachment name to reference from an embed as `attachment://relations-map.png`. */
export const RELATIONS_MAP_FILE = 'relations-map.png';
