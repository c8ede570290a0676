import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/session";
import { getEmployeeDetail } from "@/lib/hr/employee";
import { EmployeeDetailView } from "../../../_components/employee-detail";

export const metadata: Metadata = { title: "P&O – account" };

const idSchema = z.coerce.number().int().positive().max(2_147_483_647);

type Props = { params: Promise<{ id: string }> };

export default async function UnlinkedAccountPage({ params }: Props) {
  await requirePermission("view-hr-data");
  const parsed = idSchema.safeParse((await params).id);
  if (!parsed.success) notFound();
  const detail = await getEmployeeDetail({ key: { accountId: parsed.data }, now: new Date() });
  if (!detail) notFound();
  return <EmployeeDetailView detail={detail} />;
}
