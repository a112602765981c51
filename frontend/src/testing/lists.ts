/** The `index`-th of a list a query found, failing the test clearly if there is none. */
export function nth<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`expected an item at ${index}, found ${items.length}`);
  return item;
}
