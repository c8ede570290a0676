import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/session";
import { getEmployeeDetail } from "@/lib/hr/employee";
import { EmployeeDetailView } from "../../_components/employee-detail";

export const metadata: Metadata = { title: "P&O – medewerker" };

const numberSchema = z.string().trim().min(1).max(100);

type Props = { params: Promise<{ nummer: string }> };

export default async function RosterEmployeePage({ params }: Props) {
  await requirePermission("view-hr-data");
  const parsed = numberSchema.safeParse(decodeURIComponent((await params).nummer));
  if (!parsed.success) notFound();
  const detail = await getEmployeeDetail({
    key: { employeeNumber: parsed.data },
    now: new Date(),
  });
  if (!detail) notFound();
  return <EmployeeDetailView detail={detail} />;
}
