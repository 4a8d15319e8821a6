//! The people and organisations an article mentions, and how a later mention finds them again:
//! by full name, by surname, by acronym, or by a role only one of them holds.

use super::names::{ParsedName, Role};

/// Someone or something the article names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Entity {
    /// The canonical name: the name proper for a person, the whole name for an organisation.
    pub name: String,
    /// A person rather than an organisation, a country or an unknown.
    pub person: bool,
    /// Every other way the article refers to it, in order of appearance.
    pub aliases: Vec<String>,
    /// The roles the article gives it.
    pub roles: Vec<Role>,
    /// An acronym it goes by.
    pub acronym: Option<String>,
    /// Byte offset of the first mention.
    pub first_seen: usize,
}

impl Entity {
    fn surname(&self) -> Option<&str> {
        self.person.then(|| self.name.rsplit(' ').next()).flatten()
    }

    fn add_alias(&mut self, alias: &str) {
        if alias != self.name && !self.aliases.iter().any(|a| a == alias) {
            self.aliases.push(alias.to_string());
        }
    }

    fn absorb(&mut self, name: &ParsedName) {
        self.person |= name.looks_like_person();
        if let Some(role) = &name.role {
            if !self.roles.contains(role) {
                self.roles.push(role.clone());
            }
        }
        if self.acronym.is_none() {
            self.acronym.clone_from(&name.acronym);
        }
        if let Some(acronym) = &name.acronym {
            self.add_alias(acronym);
        }
        self.add_alias(&name.surface);
    }
}

/// How a name lookup went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Lookup {
    /// Exactly one entity answers to the name.
    Found(usize),
    /// Several do (two people share a surname): better no speaker than a guess.
    Ambiguous,
    /// None does.
    Missing,
}

/// The entities of one article.
#[derive(Debug, Clone, Default)]
pub(super) struct Registry {
    entities: Vec<Entity>,
}

impl Registry {
    /// The entity `id`.
    pub fn get(&self, id: usize) -> &Entity {
        &self.entities[id]
    }

    /// Finds the entity a name refers to, without changing anything.
    pub fn lookup(&self, name: &ParsedName) -> Lookup {
        let full = name.full();
        if let Some(id) = self.entities.iter().position(|e| e.name == full) {
            return Lookup::Found(id);
        }
        if let Some(acronym) = &name.acronym {
            if let Some(id) = self.entities.iter().position(|e| e.acronym.as_ref() == Some(acronym)) {
                return Lookup::Found(id);
            }
        }
        if name.words.len() != 1 {
            return Lookup::Missing;
        }
        let word = name.words[0].as_str();
        let matches: Vec<usize> = self
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.acronym.as_deref() == Some(word) || e.surname() == Some(word))
            .map(|(id, _)| id)
            .collect();
        match matches.as_slice() {
            [] => Lookup::Missing,
            [id] => Lookup::Found(*id),
            _ => Lookup::Ambiguous,
        }
    }

    /// The entity of an unnamed source known by its description (`U.S. officials`, or one person,
    /// `Kurdish official`): the earlier one described the same way (case aside), or a new one.
    pub fn resolve_group(&mut self, description: &str, person: bool, at: usize) -> usize {
        if let Some(id) = self
            .entities
            .iter()
            .position(|e| e.person == person && e.name.eq_ignore_ascii_case(description))
        {
            return id;
        }
        self.entities.push(Entity {
            name: description.to_string(),
            person,
            aliases: Vec::new(),
            roles: Vec::new(),
            acronym: None,
            first_seen: at,
        });
        self.entities.len() - 1
    }

    /// Resolves a name to an entity, merging what the mention adds (role, acronym, alias). A
    /// missing full name first completes a surname-only entity (`Kastrel`, then `Oren Kastrel`);
    /// otherwise a new entity is created when `create` is set.
    pub fn resolve(&mut self, name: &ParsedName, at: usize, create: bool) -> Option<usize> {
        let id = match self.lookup(name) {
            Lookup::Found(id) => id,
            Lookup::Ambiguous => return None,
            Lookup::Missing => match self.completed_by(name) {
                Some(id) => {
                    let entity = &mut self.entities[id];
                    let old = std::mem::replace(&mut entity.name, name.full());
                    entity.add_alias(&old);
                    id
                }
                None if create => {
                    self.entities.push(Entity {
                        name: name.full(),
                        person: false,
                        aliases: Vec::new(),
                        roles: Vec::new(),
                        acronym: None,
                        first_seen: at,
                    });
                    self.entities.len() - 1
                }
                None => return None,
            },
        };
        let entity = &mut self.entities[id];
        entity.first_seen = entity.first_seen.min(at);
        entity.absorb(name);
        Some(id)
    }

    /// A single-word entity that a person's full name completes.
    fn completed_by(&self, name: &ParsedName) -> Option<usize> {
        if name.words.len() < 2 || !name.looks_like_person() {
            return None;
        }
        let surname = name.words.last()?;
        let matches: Vec<usize> = self
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| !e.name.contains(' ') && e.name == *surname)
            .map(|(id, _)| id)
            .collect();
        match matches.as_slice() {
            [id] => Some(*id),
            _ => None,
        }
    }

    /// The one entity mentioned before byte `before` that holds a role matching `reference`.
    pub fn lookup_role(&self, reference: &Role, before: usize) -> Option<usize> {
        let mut matches = self
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.first_seen < before && e.roles.iter().any(|r| r.matches(reference)));
        match (matches.next(), matches.next()) {
            (Some((id, _)), None) => Some(id),
            _ => None,
        }
    }

    /// Records another way of referring to entity `id`.
    pub fn add_alias(&mut self, id: usize, alias: &str) {
        self.entities[id].add_alias(alias);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(words: &[&str], surface: &str, role: Option<&str>) -> ParsedName {
        ParsedName {
            words: words.iter().map(|w| w.to_string()).collect(),
            surface: surface.into(),
            role: role.map(|head| Role {
                head: head.into(),
                modifiers: vec![],
                origin: None,
            }),
            titled: role.is_some(),
            organisation: false,
            acronym: None,
            initial: false,
            span: crate::Span::new(0, 0),
        }
    }

    #[test]
    fn surname_finds_the_full_name() {
        let mut registry = Registry::default();
        let full = registry.resolve(
            &name(&["Oren", "Kastrel"], "Minister Oren Kastrel", Some("minister")),
            0,
            true,
        );
        let surname = registry.resolve(&name(&["Kastrel"], "Kastrel", None), 10, false);
        assert_eq!(full, surname);
        let entity = registry.get(full.unwrap());
        assert_eq!(entity.name, "Oren Kastrel");
        assert_eq!(entity.aliases, ["Minister Oren Kastrel", "Kastrel"]);
        assert!(entity.person);
    }

    #[test]
    fn shared_surnames_are_ambiguous() {
        let mut registry = Registry::default();
        registry.resolve(&name(&["Oren", "Kastrel"], "Oren Kastrel", None), 0, true);
        registry.resolve(&name(&["Mila", "Kastrel"], "Mila Kastrel", None), 5, true);
        assert_eq!(registry.lookup(&name(&["Kastrel"], "Kastrel", None)), Lookup::Ambiguous);
    }

    #[test]
    fn full_name_completes_a_surname() {
        let mut registry = Registry::default();
        let first = registry.resolve(&name(&["Kastrel"], "Kastrel", None), 0, true);
        let second = registry.resolve(&name(&["Oren", "Kastrel"], "Oren Kastrel", None), 9, true);
        assert_eq!(first, second);
        assert_eq!(registry.get(0).name, "Oren Kastrel");
        assert_eq!(registry.entities.len(), 1);
    }

    #[test]
    fn roles_resolve_when_unique_and_earlier() {
        let mut registry = Registry::default();
        registry.resolve(&name(&["Oren", "Kastrel"], "Oren Kastrel", Some("minister")), 0, true);
        let reference = Role {
            head: "minister".into(),
            modifiers: vec![],
            origin: None,
        };
        assert_eq!(registry.lookup_role(&reference, 50), Some(0));
        assert_eq!(registry.lookup_role(&reference, 0), None);
        registry.resolve(&name(&["Ada", "Vinter"], "Ada Vinter", Some("minister")), 20, true);
        assert_eq!(registry.lookup_role(&reference, 50), None);
    }

    #[test]
    fn acronyms() {
        let mut registry = Registry::default();
        let mut org = name(&["Voice", "of", "Vardan"], "Voice of Vardan", None);
        org.organisation = true;
        org.acronym = Some("VOV".into());
        let id = registry.resolve(&org, 0, true);
        assert_eq!(
            registry.lookup(&name(&["VOV"], "VOV", None)),
            Lookup::Found(id.unwrap())
        );
        assert!(!registry.get(0).person);
    }
}
