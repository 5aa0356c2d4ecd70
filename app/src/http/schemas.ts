import { createOrderFields, itemAddedData } from "../orders/events";
import * as z from "zod/mini";
import "../validation";

/** POST /orders */
export const createOrderBody = createOrderFields;

/** POST /orders/{id}/items */
export const addItemBody = itemAddedData;

/** POST /orders/{id}/confirm and /cancel take no fields; an empty object or no body at all. */
export const emptyBody = z.lazy(() => z.strictObject({}));
