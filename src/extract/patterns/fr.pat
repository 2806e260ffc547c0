# French relation patterns (see src/extract/patterns.rs for the language).
# relation      trigger           conditions              source                      target

# ---- fondation -----------------------------------------------------------------------
founded         v:found           active                  subj                        obj
founded         v:found           passive                 agent                       subj
founded         v:create          active                  subj                        obj
founded         v:create          passive                 agent                       subj
owns            v:create          active,t:product        subj                        obj
founded         n:role_founder    !former                 self                        org
founded         n:creation        -                       poss|pp:by|host.subj        pp:of

# ---- départs -------------------------------------------------------------------------
left            v:leave           active                  subj                        obj|pp:as.org|pp:of
left            v:resign          -                       subj                        pp:of|obj|pp:as.org|pp:at|subj.org
left            v:oust            active,t:organization   obj                         subj|pp:as.org|pp:of
left            v:oust            passive                 subj                        pp:as.org|pp:of|agent
left            n:departure       -                       poss|pp:of                  pp:of|org|pp:of.org|poss.org
# "Illumina CEO X announced his resignation": the organization of whoever announces it.
left            n:departure       host=say|sign           poss|pp:of                  host.subj.org
# "Acme announced the departure of its CEO": the organization that announces it.
left            n:departure       host=say|sign|file,t:organization poss|pp:of     host.subj
# "called for X's resignation", "réclame le départ de X": asking for one's departure criticizes.
criticized      n:departure       host=demand             host.subj                   poss|pp:of
left            n:role_lead       former                  self                        org
left            n:role_member     former                  self                        org
left            n:role_founder    former                  self                        org

# ---- procès --------------------------------------------------------------------------
sued            v:sue             active                  subj                        obj|pp:against
sued            v:sue             passive                 agent                       subj
sued            v:file            passive,subj=lawsuit    agent                       pp:against|subj.pp:against
sued            v:criticize       legal,active            subj                        obj
sued            n:lawsuit         host=file               host.subj                   pp:against|host.pp:against
sued            n:lawsuit         host=create             host.subj                   pp:against|host.pp:against
sued            n:lawsuit         -                       poss|pp:by|pp:of            pp:against
# A lawsuit that states a grievance also criticizes.
criticized      v:sue             active,grievance        subj                        obj|pp:against
criticized      v:sue             passive,grievance       agent                       subj
criticized      v:file            passive,subj=lawsuit,grievance agent                       pp:against|subj.pp:against
criticized      n:lawsuit         host=file,grievance     host.subj                   pp:against|host.pp:against
criticized      n:lawsuit         host=create,grievance   host.subj                   pp:against|host.pp:against
criticized      n:lawsuit         grievance               poss|pp:by|pp:of            pp:against

# ---- partenariats --------------------------------------------------------------------
partnered       v:partner         active                  subj                        pp:with|pp:to|pp:at|obj
partnered       v:partner         noobj                   group                       group
partnered       v:sign            obj=deal                subj                        pp:with|obj.pp:with
partnered       v:sign            obj=deal                group                       group
partnered       n:deal            host=sign               host.subj                   pp:with|host.pp:with
partnered       n:deal            -                       pair                        pair
partnered       n:deal            -                       poss|host.subj              pp:with
partnered       n:deal            -                       poss                        poss
partnered       n:partner         -                       self                        org|host.subj|main

# ---- éloges et critiques -------------------------------------------------------------
criticized      v:criticize       active,!legal           subj                        obj|obj.poss|obj.org|pp:against|pp:to
criticized      v:criticize       passive                 agent                       subj
criticized      v:accuse          active                  subj                        obj|pp:to|comp.subj
criticized      v:accuse          passive                 agent                       subj
praised         v:praise          active,!fin:subj        subj                        obj|obj.org|pp:of
praised         v:praise          passive,!fin:agent      agent                       subj
# "We welcome the appointment of X", "dénoncer la nomination de X": the person appointed.
praised         v:praise          active,obj=appointment  subj                        obj.pp:of|obj.poss
criticized      v:criticize       active,obj=appointment  subj                        obj.pp:of|obj.poss
praised         v:thank           active                  subj                        obj
# « X a été remercié par Y » : Y l'a congédié.
left            v:thank           passive                 subj                        agent|pp:as.org
praised         v:call            positive                subj                        obj
criticized      v:call            negative                subj                        obj
criticized      n:criticism       -                       poss|pp:of|pp:by|host.subj  pp:against|pp:to
# A quarrel: each side criticizes the other ("a public spat with X", "X et Y en guerre ouverte").
criticized      n:quarrel         -                       pair                        pair
criticized      n:quarrel         -                       host.subj                   host.subj
criticized      n:quarrel         -                       poss|host.subj              pp:with
criticized      n:quarrel         -                       pp:with                     poss|host.subj
praised         n:praise          -                       poss|pp:of|pp:by|host.subj  pp:to|pp:at
criticized      n:critic          -                       self                        org
praised         q:positive        -                       speaker                     judged
criticized      q:negative        -                       speaker                     judged

# ---- fonctions -----------------------------------------------------------------------
# "La direction générale de Horse a été confiée à X": the post given is the lead of its organization.
leads           v:appoint         passive,subj=post       pp:to                       subj.pp:of
leads           n:role_lead       !dept                    self                        org
member_of       n:role_member     !dept                    self                        org
member_of       n:role_lead       dept                    self                        org
# "rejoined Intel as CEO", "step in as the chain's new leader": the role of the clause's subject.
leads           n:role_lead       via=as,!former,!dept,!host=oust|resign|leave host.subj                   org|host.obj|host.subj.org
member_of       n:role_member     via=as,!former,!dept,!host=oust|resign|leave host.subj                   org|host.obj|host.subj.org
member_of       n:group           -                       incl                        org
owns            n:role_owner      -                       self                        org
invested_in     n:role_investor   -                       self                        org
leads           v:lead            active                  subj                        obj
leads           v:lead            passive                 agent                       subj
member_of       v:join            active                  subj                        obj
leads           v:appoint         active                  obj                         pp:as.org|pp:to.org
leads           v:appoint         passive                 subj                        pp:as.org|pp:to.org

# ---- argent --------------------------------------------------------------------------
acquired        v:acquire         active                  subj                        obj
acquired        v:acquire         passive                 agent                       subj
acquired        n:acquisition     -                       poss|pp:by|host.subj        pp:of
acquired        n:org             mod=acquired            poss|org                    self
owns            n:org             mod=acquired            poss|org                    self
owns            n:org             mod=owned               poss|pp:by                  self
invested_in     v:invest          active                  subj                        pp:in|obj.pp:in|obj
invested_in     v:invest          passive                 agent                       subj
invested_in     v:praise          passive,fin:agent       agent                       subj
invested_in     v:praise          active,fin:subj         subj                        obj
invested_in     v:own             obj=amount              subj                        obj.pp:of
invested_in     n:investment      -                       poss|host.subj              pp:in|pp:of
owns            v:own             active,!obj=amount      subj                        obj
owns            v:own             passive                 agent                       subj
owns            n:product         -                       org                         self
owns            n:org             named                   poss                        self
# "le groupe NextRadioTV d'Alain Weill", "le fonds Altice du milliardaire Patrick Drahi".
owns            n:org             named                   pp:of                       self
owns            n:org             -                       self                        pp:behind
competes_with   n:org             mod=rival,t:organization self                        org|host.subj|main
owns            n:media           -                       org                         self
owns            n:subsidiary      -                       org                         self
owns            n:parent          -                       self                        org

# ---- concurrence ---------------------------------------------------------------------
competes_with   v:compete         active                  subj                        pp:with|pp:against|obj|pp:to
competes_with   v:compete         noobj                   group                       group
competes_with   n:rival           -                       self                        org|host.subj|main
competes_with   n:rivalry         -                       pair                        pair
