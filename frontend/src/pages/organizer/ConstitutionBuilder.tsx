/** The constitution builder: waits for the constitution API (see issue on the constitution branch). */
export function ConstitutionBuilder({ base }: { base: string }) {
  return <p class="panel empty" data-base={base}>The constitution builder is not available on this server yet.</p>
}
