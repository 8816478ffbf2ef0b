/** The services a team owns and their tiers; other practices ask which of them are active. */
package io.plumbline.command.service;
