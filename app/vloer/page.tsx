import { notFound } from "next/navigation";
import { connection } from "next/server";
import { env } from "@/lib/env";

// The benchmark's floor (bench/README.md): the cheapest dynamic page of this very build, the root
// layout and one paragraph, so the reading pages are measured as a ratio to it in the same run.
// It reads nothing and shows nothing; outside a benchmark (BENCH_FLOOR unset) it does not exist.
export default async function FloorPage() {
  await connection();
  if (!env.BENCH_FLOOR) notFound();
  return <p>Vloer: de kleinste dynamische pagina van deze build.</p>;
}
