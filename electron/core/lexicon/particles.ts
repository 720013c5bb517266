/** Particles of separable verbs ("an" in "kündigte … an", "statt" in "fanden … statt"). */
export const PARTICLES = new Set(
  `ab an auf aus bei bekannt dar durch ein empor entgegen entlang fern fest fort frei gegenüber
  heim her herab heran herauf heraus herbei herein herüber herum herunter hervor hin hinab hinauf
  hinaus hinein hinterher hinüber hinunter hinweg hinzu hoch kennen los mit nach nieder preis
  statt teil überein um voran voraus vorbei vorweg vor weg weiter wieder zu zurecht zurück
  zusammen zuvor`.split(/\s+/),
)
