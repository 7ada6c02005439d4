/** The group new servers go to, as in pgAdmin (apart from the schemas, so that the first screen loads without zod). */
export const defaultGroup = 'Servers';
