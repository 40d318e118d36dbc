// Response shapes of cart-api, as the lab reads them.
import { CartLine } from './history';

export interface RootInfo {
  app_name: string;
  process_id: number;
  client_ip: string;
  session_store: string;
  message: string;
}

export interface Product {
  sku: string;
  name: string;
  unit_price_cents: number;
}

export interface Cart {
  served_by: string;
  items: CartLine[];
  item_count: number;
  total_cents: number;
}
